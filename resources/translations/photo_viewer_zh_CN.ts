<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Zoom out (−)</source>
        <translation>缩小(−)</translation>
    </message>
    <message>
        <source>Fit (0)</source>
        <translation>适合窗口(0)</translation>
    </message>
    <message>
        <source>100 % (1)</source>
        <translation>100 %(1)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>放大(+)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This photo cannot be shown: {0}</source>
        <extracomment>the decoded image&apos;s pixels per pixel of the photo (1 when decoded full size)</extracomment>
        <translation>无法显示这张照片:{0}</translation>
    </message>
    <message>
        <source>Taken {0}</source>
        <translation>拍摄于 {0}</translation>
    </message>
    <message>
        <source>No capture time in the photo</source>
        <translation>照片中没有拍摄时间</translation>
    </message>
    <message>
        <source>GPS {0:.5f}° {1}, {2:.5f}° {3}</source>
        <translation>GPS {0:.5f}° {1}, {2:.5f}° {3}</translation>
    </message>
    <message>
        <source>No GPS position in the photo</source>
        <translation>照片中没有 GPS 位置</translation>
    </message>
    <message>
        <source>Downsized copy: the original has not arrived yet</source>
        <translation>缩小的副本:原图尚未送到</translation>
    </message>
</context>
</TS>
