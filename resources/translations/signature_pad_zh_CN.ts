<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here with the mouse, a pen or a finger</source>
        <translation>用鼠标、手写笔或手指在此签名</translation>
    </message>
    <message>
        <source>Signature pad</source>
        <translation>签字板</translation>
    </message>
</context>
</TS>
