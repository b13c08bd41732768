<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign the inspection</source>
        <translation>检查签字</translation>
    </message>
    <message>
        <source>{0} · {1} · inspected on {2}</source>
        <translation>{0} · {1} · 检查日期 {2}</translation>
    </message>
    <message>
        <source>This inspection is already signed. To change it, amend it.</source>
        <translation>这份检查已签字。如需修改,请修订。</translation>
    </message>
    <message>
        <source>{0} items are not answered yet. An unfinished inspection cannot be signed: answer them first (double-click one to go to it).</source>
        <translation>还有 {0} 项未检查。未完成的检查不能签字:请先完成这些项目(双击可跳转到该项)。</translation>
    </message>
    <message>
        <source>&amp;Sign and lock</source>
        <translation>签字并锁定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go to item</source>
        <translation>转到该项(&amp;G)</translation>
    </message>
    <message>
        <source>Add a &amp;member</source>
        <translation>增加成员(&amp;M)</translation>
    </message>
    <message>
        <source>Team leader (检查组组长)</source>
        <translation>检查组组长</translation>
    </message>
    <message>
        <source>Team member (检查组成员)</source>
        <translation>检查组成员</translation>
    </message>
    <message>
        <source>Representative of the inspected unit (被检查单位负责人)</source>
        <translation>被检查单位负责人</translation>
    </message>
    <message>
        <source>Write the name of the {0}.</source>
        <translation>请填写{0}的姓名。</translation>
    </message>
    <message>
        <source>{0} has not signed on the pad yet.</source>
        <translation>{0} 还没有在签字板上签名。</translation>
    </message>
</context>
<context>
    <name>SignerRow</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
</context>
</TS>
