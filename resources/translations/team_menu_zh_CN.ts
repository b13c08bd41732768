<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>TeamMenu</name>
    <message>
        <source>&amp;Merge bundles…</source>
        <translation>合并同步包(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Double inspections…</source>
        <translation>交叉检查(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Assignments…</source>
        <translation>任务分派(&amp;A)…</translation>
    </message>
    <message>
        <source>D&amp;evices…</source>
        <translation>设备(&amp;E)…</translation>
    </message>
    <message>
        <source>Township &amp;rounds…</source>
        <translation>乡镇轮次考核(&amp;R)…</translation>
    </message>
</context>
</TS>
