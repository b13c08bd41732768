<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ErrorHandler</name>
    <message>
        <source>Something went wrong and FieldCheck could not finish what you asked; the details are in {0}: please send that file to whoever supports FieldCheck.</source>
        <translation>出错了,FieldCheck 未能完成刚才的操作;详情已记入 {0},请把这个文件发给 FieldCheck 的技术支持。</translation>
    </message>
</context>
</TS>
