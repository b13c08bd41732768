<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ScorePanel</name>
    <message>
        <source>Deductions for this item</source>
        <translation>本项扣分明细</translation>
    </message>
    <message>
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>Provisional (not all items answered)</source>
        <translation>暂计(尚未检查完)</translation>
    </message>
    <message>
        <source>Grade: pending ({0} points still open)</source>
        <translation>等级:待定(尚有 {0} 分未定)</translation>
    </message>
    <message>
        <source>Grade: {0}</source>
        <translation>等级:{0}</translation>
    </message>
    <message>
        <source>Grade: not graded</source>
        <translation>等级:本单位不评等级</translation>
    </message>
    <message>
        <source>Grade: none defined</source>
        <translation>等级:细则未规定</translation>
    </message>
    <message>
        <source>Answered {0} of {1} items</source>
        <translation>已答 {0} / {1} 项</translation>
    </message>
    <message>
        <source>Out of the ranking: {0}</source>
        <translation>取消排序资格:{0}</translation>
    </message>
    <message>
        <source>⚠ Please check: {0}</source>
        <translation>⚠ 请核对:{0}</translation>
    </message>
    <message>
        <source>No deduction</source>
        <translation>不扣分</translation>
    </message>
</context>
</TS>
