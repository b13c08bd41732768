<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>InspectionList</name>
    <message>
        <source>Search by village, assessee, inspector or inspection id</source>
        <translation>按村名、被考核单位、检查人员或检查编号搜索</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>地区(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;New inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>InspectionListPage</name>
    <message>
        <source>Assigned to &amp;me</source>
        <extracomment>the model&apos;s roles, imported from here by the tests and the window</extracomment>
        <translation>我的任务(&amp;M)</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Delete inspection</source>
        <translation>删除检查</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>全部地区</translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>共 %n 份检查</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted “{0}”.</source>
        <translation>已删除「{0}」。</translation>
    </message>
</context>
</TS>
