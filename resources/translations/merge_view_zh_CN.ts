<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MergeView</name>
    <message>
        <source>Merge bundles</source>
        <translation>合并同步包</translation>
    </message>
    <message>
        <source>Drop the team&apos;s .fcbundle files here, or choose them or the folder on the stick.</source>
        <translation>把检查组的 .fcbundle 文件拖到这里,或选择文件或 U 盘上的文件夹。</translation>
    </message>
    <message>
        <source>Choose &amp;bundles…</source>
        <translation>选择同步包(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>选择文件夹(&amp;F)…</translation>
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
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Import &amp;history</source>
        <translation>导入历史(&amp;H)</translation>
    </message>
    <message>
        <source>FieldCheck bundles (*.fcbundle)</source>
        <translation>FieldCheck 同步包 (*.fcbundle)</translation>
    </message>
    <message>
        <source>Folder on the stick</source>
        <translation>U 盘上的文件夹</translation>
    </message>
    <message>
        <source>A merge is under way; drop these again when it is done.</source>
        <translation>正在合并;完成后请再拖入这些文件。</translation>
    </message>
    <message>
        <source>There is no .fcbundle file there.</source>
        <translation>那里没有 .fcbundle 文件。</translation>
    </message>
    <message>
        <source>Merging %1 bundles…</source>
        <translation>正在合并 %1 个同步包…</translation>
    </message>
    <message>
        <source>The bundles are still being merged; close this window when it is done.</source>
        <translation>同步包仍在合并,完成后再关闭此窗口。</translation>
    </message>
    <message>
        <source>Imported; %1 photos are downsized copies, the originals still to come</source>
        <translation>已导入;其中 %1 张照片是缩小的副本,原图尚未送到</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝:%1</translation>
    </message>
    <message>
        <source>%1 imported, %2 refused, %3 waiting for your confirmation; fields in conflict: %4 (Team ▸ Conflicts…).</source>
        <translation>已导入 %1 个,拒绝 %2 个,%3 个待确认;冲突字段:%4 个(组长 ▸ 冲突…)。</translation>
    </message>
    <message>
        <source>Not imported: the device was not confirmed</source>
        <translation>未导入:该设备未确认</translation>
    </message>
</context>
</TS>
