<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AssignmentsDialog</name>
    <message>
        <source>Assignments</source>
        <translation>任务分派</translation>
    </message>
    <message>
        <source>New assignment</source>
        <translation>新任务</translation>
    </message>
    <message>
        <source>Name or pinyin initials</source>
        <translation>名称或拼音首字母</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>分派(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Inspector:</source>
        <translation>检查人员(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Rubric:</source>
        <translation>细则(&amp;R):</translation>
    </message>
    <message>
        <source>Assess&amp;ees:</source>
        <translation>被考核单位(&amp;E):</translation>
    </message>
    <message>
        <source>Assignments made</source>
        <translation>已分派的任务</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Assessee</source>
        <translation>被考核单位</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>细则</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除任务(&amp;M)</translation>
    </message>
    <message>
        <source>E&amp;xport for inspector…</source>
        <translation>为检查人员导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Remove assignment</source>
        <translation>删除任务</translation>
    </message>
    <message numerus="yes">
        <source>%n assessee(s) chosen</source>
        <translation>
            <numerusform>已选 %n 个被考核单位</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick the assessees to visit first (Space in the list, or Enter in the filter).</source>
        <translation>请先勾选要去的被考核单位(在列表中按空格,或在筛选框中按回车)。</translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) made for %1 on %2; each has a draft inspection waiting.</source>
        <translation>
            <numerusform>已为 %1 分派 %2 的 %n 项任务,每项都有一份待检查的草稿。</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待检查</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>Inspection deleted</source>
        <translation>检查已删除</translation>
    </message>
    <message numerus="yes">
        <source>Started (%n finding(s))</source>
        <translation>
            <numerusform>已开始(%n 条记录)</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed the assignment of %1 to %2 on %3.</source>
        <translation>已删除 %1 在 %3 去 %2 的任务。</translation>
    </message>
    <message>
        <source>Removed the assignment of %1 to %2 on %3; its inspection has work in it and stays.</source>
        <translation>已删除 %1 在 %3 去 %2 的任务;其检查已有记录,予以保留。</translation>
    </message>
    <message>
        <source>Export %1&apos;s assignments to folder</source>
        <translation>把 %1 的任务导出到文件夹</translation>
    </message>
    <message>
        <source>Writing the bundle for %1…</source>
        <translation>正在为 %1 写同步包…</translation>
    </message>
    <message>
        <source>Exported %1: %2 changes. The inspector imports it with File ▸ Exchange bundles…</source>
        <translation>已导出 %1:%2 条修改。检查人员用「文件 ▸ 交换同步包…」导入。</translation>
    </message>
</context>
</TS>
