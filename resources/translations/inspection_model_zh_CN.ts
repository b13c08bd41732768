<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>InspectionTableModel</name>
    <message>
        <source>Assessee</source>
        <extracomment>ids read to start on the unfiltered list (``FirstPage``): a few screens rows read from the store at once around a row the view asks for (a screen is about 20): two screens. The query walks each row&apos;s place up to its county, and costs more per row as the block grows (10,000 inspections: 40 rows 1.0 ms, 100 rows 3.7 ms), so the first page reads 40, not 100.</extracomment>
        <translation>被考核对象</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>考核细则</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Items answered</source>
        <translation>已答项目</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题记录</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
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
        <source> (incomplete)</source>
        <translation>(未完成)</translation>
    </message>
    <message>
        <source>{0}% of this rubric&apos;s maximum{1}</source>
        <translation>{0}%,按本细则满分计{1}</translation>
    </message>
    <message>
        <source>Assigned to %1 for %2</source>
        <translation>已分派给 %1,日期 %2</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>{0} (provisional)</source>
        <translation>{0}(暂计)</translation>
    </message>
</context>
</TS>
