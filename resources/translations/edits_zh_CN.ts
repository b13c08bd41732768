<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Edits</name>
    <message>
        <source>Add finding to {0}</source>
        <translation>在 {0} 记一处问题</translation>
    </message>
    <message>
        <source>Change finding in {0}</source>
        <translation>修改 {0} 的问题</translation>
    </message>
    <message>
        <source>Delete finding in {0}</source>
        <translation>删除 {0} 的问题</translation>
    </message>
    <message>
        <source>Mark {0}</source>
        <translation>标记 {0}</translation>
    </message>
    <message>
        <source>Add {0} photo(s) to {1}</source>
        <translation>为 {1} 添加 {0} 张照片</translation>
    </message>
    <message>
        <source>Remove photo from {0}</source>
        <translation>移除 {0} 的照片</translation>
    </message>
</context>
</TS>
