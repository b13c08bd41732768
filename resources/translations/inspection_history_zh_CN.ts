<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History · {0}</source>
        <extracomment>stored fields a person does not read in a history: pen strokes, image bytes and hashes, order</extracomment>
        <translation>历史记录 · {0}</translation>
    </message>
    <message>
        <source>Revision {0} · status: {1}</source>
        <translation>第 {0} 版 · 状态:{1}</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间(UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>voided {0} by {1}: {2}</source>
        <translation>已作废({0},{1}):{2}</translation>
    </message>
    <message>
        <source>C&amp;hanges</source>
        <translation>修改记录(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Signatures</source>
        <translation>签字(&amp;S)</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>looked at</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>item mark</source>
        <translation>项目标记</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>link to the two inspections it reconciles</source>
        <translation>与所核对两份检查的关联</translation>
    </message>
    <message>
        <source>Signed revision {0}</source>
        <translation>签署第 {0} 版</translation>
    </message>
    <message>
        <source>Amended: revision {0} → {1}</source>
        <translation>修订:第 {0} 版 → 第 {1} 版</translation>
    </message>
    <message>
        <source>Signature voided</source>
        <translation>签字作废</translation>
    </message>
    <message>
        <source>Added {0}</source>
        <translation>新增{0}</translation>
    </message>
    <message>
        <source>Changed {0}</source>
        <translation>修改{0}</translation>
    </message>
    <message>
        <source>Deleted {0}</source>
        <translation>删除{0}</translation>
    </message>
    <message>
        <source>Restored {0}</source>
        <translation>恢复{0}</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <translation>原因:{0}</translation>
    </message>
    <message>
        <source>item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>rubric</source>
        <translation>细则</translation>
    </message>
    <message>
        <source>rubric version</source>
        <translation>细则版本</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>signed at</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>assessee</source>
        <translation>被考核单位</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>taken at</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
</TS>
