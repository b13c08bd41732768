<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FindingSearchDialog</name>
    <message>
        <source>Search findings</source>
        <extracomment>open this inspection at this item</extracomment>
        <translation>搜索发现记录</translation>
    </message>
    <message>
        <source>Words of a note, or a household&apos;s name (e.g. 未签字, 张三)</source>
        <translation>备注中的文字或农户姓名(如 未签字、张三)</translation>
    </message>
    <message>
        <source>Assessee</source>
        <translation>被考核单位</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The first {0} findings; type more to narrow.</source>
        <translation>只列出前 {0} 条;请多输入几个字缩小范围。</translation>
    </message>
    <message>
        <source>{0} finding(s)</source>
        <translation>{0} 条记录</translation>
    </message>
</context>
</TS>
