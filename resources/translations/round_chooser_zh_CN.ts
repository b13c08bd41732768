<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RoundChooser</name>
    <message>
        <source>The township&apos;s file: villages, bound people, rounds (YAML)</source>
        <translation>乡镇文件:村居、捆绑人员、各轮次(YAML)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Township file:</source>
        <translation>乡镇文件(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;New round</source>
        <translation>新建轮次(&amp;N)</translation>
    </message>
    <message>
        <source>as the township file gives it</source>
        <translation>按乡镇文件</translation>
    </message>
    <message>
        <source>scores entered by hand</source>
        <translation>手工录入分数</translation>
    </message>
    <message>
        <source>scores from the results of %1</source>
        <translation>取自「%1」的考核结果</translation>
    </message>
    <message>
        <source>R&amp;ound:</source>
        <translation>轮次(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Standing from:</source>
        <translation>名次来源(&amp;S):</translation>
    </message>
</context>
</TS>
