<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>NewInspectionDialog</name>
    <message>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <source>&amp;Rubric:</source>
        <translation>考核细则(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Assessee:</source>
        <translation>被考核对象(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>类别(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Inspectors:</source>
        <translation>检查人员(&amp;I):</translation>
    </message>
    <message>
        <source>Names separated by commas</source>
        <translation>多个姓名用逗号或顿号分隔</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D):</translation>
    </message>
    <message>
        <source>{0} (incomplete source)</source>
        <translation>{0}(原文不完整)</translation>
    </message>
    <message>
        <source>County/township/village, e.g. 衡阳县/西渡镇/梅花村</source>
        <translation>县/乡镇/村,如 衡阳县/西渡镇/梅花村</translation>
    </message>
    <message>
        <source>No rubric is installed: add a rubric file to the rubrics folder first.</source>
        <translation>没有安装任何考核细则:请先把细则文件放入 rubrics 文件夹。</translation>
    </message>
    <message>
        <source>Enter the assessee, or choose one from the list.</source>
        <translation>请填写被考核对象,或从列表中选择。</translation>
    </message>
    <message>
        <source>Enter at least one inspector&apos;s name.</source>
        <translation>请至少填写一名检查人员的姓名。</translation>
    </message>
</context>
</TS>
