<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RoundsView</name>
    <message>
        <source>Township rounds</source>
        <translation>乡镇轮次考核</translation>
    </message>
    <message>
        <source>The township&apos;s file: villages, bound people, rounds (YAML)</source>
        <translation>乡镇文件:村居、捆绑人员、各轮次(YAML)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Township file:</source>
        <translation>乡镇文件(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;New round</source>
        <translation>新建轮次(&amp;N)</translation>
    </message>
    <message>
        <source>as the township file gives it</source>
        <translation>按乡镇文件</translation>
    </message>
    <message>
        <source>scores entered by hand</source>
        <translation>手工录入分数</translation>
    </message>
    <message>
        <source>scores from the results of %1</source>
        <translation>取自「%1」的考核结果</translation>
    </message>
    <message>
        <source>R&amp;ound:</source>
        <translation>轮次(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Standing from:</source>
        <translation>名次来源(&amp;S):</translation>
    </message>
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
        <source>Export &amp;workbook…</source>
        <translation>导出工作簿(&amp;W)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Open the township&apos;s file</source>
        <translation>打开乡镇文件</translation>
    </message>
    <message>
        <source>Township file (*.yaml *.yml)</source>
        <translation>乡镇文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>%1: %2 villages, %3 rounds</source>
        <translation>%1:%2 个村居,%3 轮</translation>
    </message>
    <message>
        <source>Open the township&apos;s file (villages, the people bound to them, rounds).</source>
        <translation>请打开乡镇文件(村居、捆绑人员、各轮次)。</translation>
    </message>
    <message>
        <source>Type a score for every village: %1 still without one.</source>
        <translation>请为每个村居录入分数:还有 %1 个未录入。</translation>
    </message>
    <message>
        <source>Computing the rubric&apos;s results… the window stays usable meanwhile.</source>
        <translation>正在计算细则的考核结果…其间窗口可照常使用。</translation>
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
        <source>Total (yuan)</source>
        <translation>合计(元)</translation>
    </message>
    <message>
        <source>%1 villages; rewards and penalties shared by the people bound to each village.</source>
        <translation>共 %1 个村居;奖惩由各村捆绑人员同奖同罚。</translation>
    </message>
    <message>
        <source>Spared the penalty (met their own task): %1.</source>
        <translation>完成自身任务、免于处罚:%1。</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写出:%1</translation>
    </message>
</context>
</TS>
