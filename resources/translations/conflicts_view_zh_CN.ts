<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ConflictsView</name>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Sides</source>
        <translation>各方</translation>
    </message>
    <message>
        <source>&amp;Open conflicts:</source>
        <translation>待解决的冲突(&amp;O):</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>History of this field</source>
        <translation>该字段的修改历史</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>optional; kept with the decision and shown in the history</source>
        <translation>可不填;与决定一起保存,并显示在历史中</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Keep the selected side</source>
        <translation>保留选中的一方(&amp;K)</translation>
    </message>
    <message>
        <source>met or not met, yes or no, a number or text</source>
        <translation>达标或未达标、是或否、数字或文字</translation>
    </message>
    <message>
        <source>Or a &amp;value:</source>
        <translation>或给出新值(&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Set value</source>
        <translation>设为该值(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Accept (amend, sign again)</source>
        <translation>采纳(修订,需重新签字)(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;ject (keep what was signed)</source>
        <translation>拒绝(保留已签字的内容)(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Undo last decision</source>
        <translation>撤销最近的决定(&amp;U)</translation>
    </message>
    <message>
        <source>No decision to undo.</source>
        <translation>没有可撤销的决定。</translation>
    </message>
    <message>
        <source> Reason: %1</source>
        <translation> 理由:%1</translation>
    </message>
    <message>
        <source>Last decision (%1, %2): %3</source>
        <translation>最近的决定(%1,%2):%3</translation>
    </message>
    <message>
        <source>arrived after signing</source>
        <translation>签字后到达</translation>
    </message>
    <message>
        <source>side %1</source>
        <translation>第 %1 方</translation>
    </message>
    <message>
        <source>Accepting reopens the inspection: everything that arrived after its signing applies, and it must be signed again.</source>
        <translation>采纳将退回这份检查:签字后到达的全部修改都会生效,检查需重新签字。</translation>
    </message>
    <message>
        <source>The ID number typed is kept masked: only its first 6 and last 4 characters.</source>
        <translation>输入的身份证号已遮蔽:只保存前 6 位和后 4 位。</translation>
    </message>
    <message>
        <source>Decided; the decision goes out with the next bundle.</source>
        <translation>已决定;该决定将随下一个同步包发出。</translation>
    </message>
    <message>
        <source>Type the value first.</source>
        <translation>请先填写新值。</translation>
    </message>
    <message>
        <source>Accepted: the inspection is amended and its signatures are voided; sign it again.</source>
        <translation>已采纳:检查已修订,原签字作废,请重新签字。</translation>
    </message>
    <message>
        <source>Rejected: the change stays in the history and is not scored.</source>
        <translation>已拒绝:该修改保留在历史中,不计分。</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>已撤销:%1</translation>
    </message>
</context>
</TS>
