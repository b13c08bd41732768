<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RubricTree</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未答</translation>
    </message>
    <message>
        <source>Not yet looked at</source>
        <translation>尚未作答</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>已检查,未答</translation>
    </message>
    <message>
        <source>Looked at, no answer yet</source>
        <translation>已检查,仍需填写答案</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>本单位不计</translation>
    </message>
    <message>
        <source>Bonus earned</source>
        <translation>符合加分</translation>
    </message>
    <message>
        <source>veto</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>cannot score</source>
        <translation>无法计分</translation>
    </message>
    <message>
        <source>No deduction</source>
        <translation>不扣分</translation>
    </message>
    <message>
        <source>+{0}/{1}</source>
        <translation>加{0}/{1}</translation>
    </message>
    <message>
        <source>Bonus {0} of at most {1}</source>
        <translation>加 {0} 分,最多 {1} 分</translation>
    </message>
    <message>
        <source>−{0}/{1}</source>
        <translation>扣{0}/{1}</translation>
    </message>
    <message>
        <source>Deducted {0} of the pool of {1}; {2} left</source>
        <translation>本节 {1} 分已扣 {0} 分,还剩 {2} 分</translation>
    </message>
</context>
</TS>
