<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RoundsView</name>
    <message>
        <source>Township &amp;rounds…</source>
        <translation>乡镇轮次考核(&amp;R)…</translation>
    </message>
</context>
</TS>
