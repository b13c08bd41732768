<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Add photos from files (Ctrl+I); you can also drop them here or paste</source>
        <translation>从文件添加照片(Ctrl+I);也可拖放到此处或粘贴</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Record a household&apos;s rating first: photos are attached to a rating.</source>
        <translation>请先记录一户的评价:照片附在评价上。</translation>
    </message>
    <message>
        <source>Record a finding first: photos are the evidence of a finding.</source>
        <translation>请先记录一条问题:照片是问题的证据。</translation>
    </message>
    <message>
        <source>Photos of the selected rating: {0}</source>
        <translation>选中评价的照片:{0} 张</translation>
    </message>
    <message>
        <source>Photos of the selected finding: {0}</source>
        <translation>选中问题的照片:{0} 张</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif)</translation>
    </message>
    <message>
        <source>Photos are still being added; wait for them or cancel.</source>
        <translation>照片还在添加中,请稍候或取消。</translation>
    </message>
    <message>
        <source>Adding photo %v of %m</source>
        <translation>正在添加第 %v 张,共 %m 张</translation>
    </message>
    <message>
        <source>Cancelled: {0} of {1} photo(s) added.</source>
        <translation>已取消:{1} 张照片中已添加 {0} 张。</translation>
    </message>
    <message>
        <source>The finding was deleted while its photos were being added, so {0} photo(s) were not added: add them again to a finding that is kept.</source>
        <translation>照片还在添加时这条问题被删除了,{0} 张照片没有添加:请把它们添加到保留的问题上。</translation>
    </message>
    <message>
        <source>{0} (and {1} more not added)</source>
        <translation>{0}(另有 {1} 张未添加)</translation>
    </message>
    <message>
        <source>{0} photo(s) were already attached to this finding and were not added again.</source>
        <translation>{0} 张照片已在这条问题的照片中,没有重复添加。</translation>
    </message>
</context>
</TS>
