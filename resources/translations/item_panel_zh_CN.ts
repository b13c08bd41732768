<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ItemPanel</name>
    <message>
        <source>Criterion</source>
        <translation>考核内容</translation>
    </message>
    <message>
        <source>Scoring standard</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>计分规则</translation>
    </message>
    <message>
        <source>Looked at (nothing found = no deduction)</source>
        <translation>已检查(无发现即不扣分)</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{0} {1} ({2} points)</source>
        <translation>{0} {1}({2} 分)</translation>
    </message>
    <message>
        <source>What was seen, where</source>
        <translation>看到了什么,在哪里</translation>
    </message>
    <message>
        <source>Answer the item first, then add a note</source>
        <translation>先作答,再写备注</translation>
    </message>
    <message>
        <source>Looked at: moot, ratings are recorded</source>
        <translation>已检查:已录入评价,此标记不再起作用</translation>
    </message>
    <message>
        <source>Looked at: moot, findings are recorded</source>
        <translation>已检查:已记录问题,此标记不再起作用</translation>
    </message>
    <message>
        <source>Looked at: the answer is still needed</source>
        <translation>已检查:仍需填写本项的答案</translation>
    </message>
    <message>
        <source>Looked at (the answer goes below)</source>
        <translation>已检查(答案在下方填写)</translation>
    </message>
    <message>
        <source>The rubric gives no case where this item does not apply</source>
        <translation>细则没有说明本项何时不适用</translation>
    </message>
</context>
</TS>
