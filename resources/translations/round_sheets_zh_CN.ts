<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RoundSheets</name>
    <message>
        <source>Place</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村居</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Reward / penalty (yuan)</source>
        <translation>奖惩(元)</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>流动旗</translation>
    </message>
    <message>
        <source>Standing of the round (top three rewarded, bottom two penalised):</source>
        <translation>本轮名次(前三名奖励,倒数两名处罚):</translation>
    </message>
    <message>
        <source>Met their own task / departments on schedule:</source>
        <translation>完成自身任务 / 业务主管部门达序时进度:</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>经由</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额(元)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Ledger of this round</source>
        <translation>本轮奖惩台账</translation>
    </message>
    <message>
        <source>Per person, every round</source>
        <translation>每人各轮合计</translation>
    </message>
    <message>
        <source>Total (yuan)</source>
        <translation>合计(元)</translation>
    </message>
    <message>
        <source>%1 (%2) met their own task</source>
        <translation>%1(%2)完成自身任务</translation>
    </message>
    <message>
        <source>%1 on schedule</source>
        <translation>%1 达序时进度</translation>
    </message>
    <message>
        <source>%1 villages; rewards and penalties shared by the people bound to each village.</source>
        <translation>共 %1 个村居;奖惩由各村捆绑人员同奖同罚。</translation>
    </message>
    <message>
        <source>Spared the penalty (met their own task): %1.</source>
        <translation>完成自身任务、免于处罚:%1。</translation>
    </message>
</context>
</TS>
