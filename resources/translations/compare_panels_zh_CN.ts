<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DecisionBox</name>
    <message>
        <source>Decision on this item</source>
        <translation>本项的取舍</translation>
    </message>
    <message>
        <source>Take &amp;A</source>
        <translation>取 A(&amp;A)</translation>
    </message>
    <message>
        <source>Take &amp;B</source>
        <translation>取 B(&amp;B)</translation>
    </message>
    <message>
        <source>E&amp;nter:</source>
        <translation>填写(&amp;N):</translation>
    </message>
    <message>
        <source>e.g. 3, met, a rating</source>
        <translation>如 三处、达标、满意</translation>
    </message>
    <message>
        <source>the answer: a count, met or not met, a rating, the ways used …</source>
        <translation>答案:处数、达标或未达标、评价等级、采用的方式……</translation>
    </message>
    <message>
        <source>why this side (required)</source>
        <translation>取舍理由(必填)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R):</translation>
    </message>
    <message>
        <source>Decision on %1</source>
        <translation>%1 的取舍</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>No findings</source>
        <translation>没有发现记录</translation>
    </message>
    <message>
        <source>photos: %1</source>
        <translation>照片 %1 张</translation>
    </message>
    <message>
        <source>(one case)</source>
        <translation>(一处)</translation>
    </message>
</context>
</TS>
