<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>InspectionView</name>
    <message>
        <source>This inspection is signed or exported: to change it, amend it with a reason (Inspection ▸ Amend…).</source>
        <extracomment>the new ScoreResult after every edit, undo or redo the id of the item now shown</extracomment>
        <translation>这份检查已签字或已导出:如需修改,请在「检查 ▸ 修订…」中写明原因后修订。</translation>
    </message>
    <message>
        <source>Item {0} of {1}</source>
        <translation>第 {0} 项,共 {1} 项</translation>
    </message>
    <message>
        <source>◀ Previous item</source>
        <translation>◀ 上一项</translation>
    </message>
    <message>
        <source>Next item ▶</source>
        <translation>下一项 ▶</translation>
    </message>
    <message>
        <source>Next unanswered »</source>
        <translation>下一未答项 »</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Add a finding</source>
        <translation>记一处问题</translation>
    </message>
    <message>
        <source>Delete the selected finding</source>
        <translation>删除选中的问题</translation>
    </message>
    <message>
        <source>Looked at (no deduction if nothing found)</source>
        <translation>已检查(无发现即不扣分)</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Paste a photo</source>
        <translation>粘贴照片</translation>
    </message>
    <message>
        <source>Go to the rubric tree</source>
        <translation>转到细则目录</translation>
    </message>
    <message>
        <source>Households of the village…</source>
        <translation>本村农户…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Undo: {0}</source>
        <translation>撤销:{0}</translation>
    </message>
    <message>
        <source>Redo: {0}</source>
        <translation>重做:{0}</translation>
    </message>
    <message>
        <source>{0} cannot be marked not applicable: the rubric gives no case where it does not apply. Answer it instead.</source>
        <translation>{0} 不能标为「不适用」:细则没有说明本项何时不适用;请按实际情况作答。</translation>
    </message>
    <message>
        <source>{0} is not in the roster of villages: to enter its households, make a new inspection with the village typed as county/township/village, e.g. 衡阳县/西渡镇/梅花村.</source>
        <translation>「{0}」不在村庄名册中:要录入农户,请新建一份检查,把村写成 县/乡镇/村,如 衡阳县/西渡镇/梅花村。</translation>
    </message>
    <message>
        <source>Households belong to a village; this inspection is of {0}.</source>
        <translation>农户属于村;这份检查的对象是{0}。</translation>
    </message>
    <message>
        <source>Not scored until corrected: {0}</source>
        <translation>改正前不计分:{0}</translation>
    </message>
</context>
</TS>
