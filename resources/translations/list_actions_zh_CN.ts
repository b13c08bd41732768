<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ListActions</name>
    <message>
        <source>Search findings…</source>
        <translation>搜索发现记录…</translation>
    </message>
    <message>
        <source>Find in the list</source>
        <translation>在列表中查找</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Sort the list by</source>
        <translation>列表排序依据</translation>
    </message>
</context>
</TS>
