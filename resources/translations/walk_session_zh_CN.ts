<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>WalkSession</name>
    <message>
        <source>{0} ({1} member(s))</source>
        <translation>{0}({1}人)</translation>
    </message>
</context>
</TS>
