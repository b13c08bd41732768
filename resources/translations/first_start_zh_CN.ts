<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to FieldCheck</source>
        <translation>欢迎使用 FieldCheck</translation>
    </message>
    <message>
        <source>There are no inspections yet. Start with a demo county to see how an inspection is walked and scored, or start empty and add your own.</source>
        <translation>还没有任何检查记录。可以先打开一个示范县,看看一次检查如何逐项进行、如何计分;也可以从空白开始,录入自己的检查。</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N):</translation>
    </message>
    <message>
        <source>Recorded with each change and printed on score sheets</source>
        <translation>记在每条修改记录中,并印在评分表上</translation>
    </message>
    <message>
        <source>Open a &amp;demo county (sample villages and inspections)</source>
        <translation>打开示范县(示例村庄和检查记录)(&amp;D)</translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation>从空白开始(&amp;E)</translation>
    </message>
    <message>
        <source>Rubrics installed:</source>
        <translation>已安装的考核细则:</translation>
    </message>
    <message>
        <source>Your name holds a whole ID number: remove the number and type only the name.</source>
        <translation>姓名中含有完整的身份证号:请删去号码,只填姓名。</translation>
    </message>
</context>
</TS>
