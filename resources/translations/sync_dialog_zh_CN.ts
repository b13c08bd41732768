<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SyncDialog</name>
    <message>
        <source>Exchange bundles</source>
        <translation>交换同步包</translation>
    </message>
    <message>
        <source>This laptop: %1, key fingerprint %2</source>
        <translation>本机:%1,密钥指纹 %2</translation>
    </message>
    <message>
        <source>Export to a folder or USB stick</source>
        <translation>导出到文件夹或 U 盘</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Everything, not only what is new since the last export there</source>
        <translation>导出全部,而不只是上次导出到该处以来的新修改</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹:</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <source>Drop .fcbundle files here, or choose them.</source>
        <translation>把 .fcbundle 文件拖到这里,或点击选择。</translation>
    </message>
    <message>
        <source>Choose bundles…</source>
        <translation>选择同步包…</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>同步包</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>已有</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>In conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>FieldCheck bundles (*.fcbundle)</source>
        <translation>FieldCheck 同步包 (*.fcbundle)</translation>
    </message>
    <message>
        <source>Choose the folder to export to first.</source>
        <translation>请先选择导出的文件夹。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>The bundles are still being exchanged; close this window when it is done.</source>
        <translation>同步包仍在处理,完成后再关闭此窗口。</translation>
    </message>
    <message>
        <source>Nothing new since the last export to that folder; no file was written. If the bundles exported there before are gone (deleted, or the stick was emptied), tick “Everything” and export again.</source>
        <translation>自上次导出到该文件夹以来没有新的修改,未生成文件。如果之前导出到该处的同步包已不在(被删除或 U 盘被清空),请勾选“导出全部”后再导出。</translation>
    </message>
    <message>
        <source>Exported %1: %2 changes, %3 photos.</source>
        <translation>已导出 %1:%2 条修改,%3 张照片。</translation>
    </message>
    <message>
        <source>%1: %2 photos are downsized copies, not the originals; the originals come with a later export of everything.</source>
        <translation>%1:其中 %2 张照片是缩小的副本,不是原图;原图要等对方导出全部后送来。</translation>
    </message>
    <message>
        <source>%1: %2 assignment(s) arrived; tick “Assigned to me” in the list to see them.</source>
        <translation>%1:收到 %2 项检查任务;在检查列表中勾选“我的任务”即可看到。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>The bundle %1 comes from device “%2”, which this database has not seen.

Key fingerprint:
%3

Trust this device? Compare the fingerprint with the one shown on that laptop.</source>
        <translation>同步包 %1 来自设备「%2」,本数据库尚未见过该设备。

密钥指纹:
%3

信任该设备吗?请与那台电脑上显示的指纹核对。</translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation>未知设备</translation>
    </message>
    <message>
        <source>Exchange bundles…</source>
        <translation>交换同步包…</translation>
    </message>
</context>
</TS>
