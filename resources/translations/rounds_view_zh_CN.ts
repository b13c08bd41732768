<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RoundsView</name>
    <message>
        <source>Township rounds</source>
        <translation>乡镇轮次考核</translation>
    </message>
    <message>
        <source>Export &amp;workbook…</source>
        <translation>导出工作簿(&amp;W)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Open the township&apos;s file</source>
        <translation>打开乡镇文件</translation>
    </message>
    <message>
        <source>Township file (*.yaml *.yml)</source>
        <translation>乡镇文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>%1: %2 villages, %3 rounds</source>
        <translation>%1:%2 个村居,%3 轮</translation>
    </message>
    <message>
        <source>Open the township&apos;s file (villages, the people bound to them, rounds).</source>
        <translation>请打开乡镇文件(村居、捆绑人员、各轮次)。</translation>
    </message>
    <message>
        <source>Type a score for every village: %1 still without one.</source>
        <translation>请为每个村居录入分数:还有 %1 个未录入。</translation>
    </message>
    <message>
        <source>No inspection of this rubric is signed yet: sign them first, or take this round&apos;s standing from the township file or type the scores by hand.</source>
        <translation>这套细则还没有已签字的检查:请先签字,或让本轮名次取自乡镇文件、手工填写分数。</translation>
    </message>
    <message>
        <source>Computing the rubric&apos;s results… the window stays usable meanwhile.</source>
        <translation>正在计算细则的考核结果…其间窗口可照常使用。</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写出:%1</translation>
    </message>
</context>
</TS>
