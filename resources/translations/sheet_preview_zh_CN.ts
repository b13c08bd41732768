<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PrintSheetsDialog</name>
    <message>
        <source>Print score sheets</source>
        <translation>批量打印评分表</translation>
    </message>
    <message>
        <source>Sheets to print (signed ones carry the device&apos;s signature; drafts print marked 草稿):</source>
        <translation>要打印的评分表(已签字的带本机数字签名;草稿打印时标有“草稿”):</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>%v of %m sheets sent to the printer</source>
        <translation>已送往打印机:%v / %m 份评分表</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Tick at least one inspection.</source>
        <translation>请至少勾选一份检查。</translation>
    </message>
    <message>
        <source>Print {0} score sheets</source>
        <translation>打印 {0} 份评分表</translation>
    </message>
</context>
<context>
    <name>SheetPreview</name>
    <message>
        <source>Score sheet · {0}</source>
        <translation>评分表 · {0}</translation>
    </message>
    <message>
        <source>Signed sheet: the PDF carries this device&apos;s signature.</source>
        <translation>已签署的评分表:PDF 带有本机的数字签名。</translation>
    </message>
    <message>
        <source>Draft sheet: not signed, marked 草稿 on every page.</source>
        <translation>草稿评分表:未签字,每页标有“草稿”。</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Print the score sheet</source>
        <translation>打印评分表</translation>
    </message>
    <message>
        <source>Save the score sheet</source>
        <translation>保存评分表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>sheet_preview</name>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
</context>
</TS>
