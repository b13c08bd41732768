<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ResultsView</name>
    <message>
        <source>Results</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <source>Count drafts where nothing is signed</source>
        <translation>没有已签检查时计入草稿</translation>
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
        <source>R&amp;ounds…</source>
        <translation>轮次考核(&amp;O)…</translation>
    </message>
    <message>
        <source>The township&apos;s rounds: 双月观摩, 半年考核, 年终总评, and their ledger</source>
        <translation>乡镇轮次考核:双月观摩、半年考核、年终总评及奖惩台账</translation>
    </message>
    <message>
        <source>&amp;Rubric:</source>
        <translation>细则(&amp;R):</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Assessee</source>
        <translation>被考核单位</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>档次</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Points lost</source>
        <translation>失分</translation>
    </message>
    <message>
        <source>Assessees</source>
        <translation>失分单位数</translation>
    </message>
    <message>
        <source>Most common findings</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Where points are lost</source>
        <translation>失分项</translation>
    </message>
    <message>
        <source>Computing results… the window stays usable meanwhile.</source>
        <translation>正在计算结果…其间窗口可照常使用。</translation>
    </message>
    <message>
        <source>No inspection of this rubric is counted yet.</source>
        <translation>这套细则还没有可计入的检查。</translation>
    </message>
    <message>
        <source>Sign the inspections, or tick “Count drafts where nothing is signed”.</source>
        <translation>请先签字,或勾选“没有已签检查时计入草稿”。</translation>
    </message>
    <message>
        <source>Make an inspection with this rubric first.</source>
        <translation>请先用这套细则新建并完成一份检查。</translation>
    </message>
    <message>
        <source>out of the ranking</source>
        <translation>取消排序资格</translation>
    </message>
    <message>
        <source>incomplete: not ranked</source>
        <translation>未完成,不排名</translation>
    </message>
    <message>
        <source>in no ranking group</source>
        <translation>不在排名分组</translation>
    </message>
    <message>
        <source>tie on a quota line: for the leader</source>
        <translation>名额线上并列,待领导决定</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation>(暂计)</translation>
    </message>
    <message>
        <source> (not final)</source>
        <translation>(暂定)</translation>
    </message>
    <message>
        <source>Group {0}: quotas {1}</source>
        <translation>分组 {0}:名额 {1}</translation>
    </message>
    <message>
        <source>Tie at rank {0} across the {1}/{2} line: {3}, for the leader to decide</source>
        <translation>第 {0} 名并列跨{1}/{2}名额线:{3},请领导决定</translation>
    </message>
    <message>
        <source>Not ranked: {0}: {1}</source>
        <translation>不排名:{0}:{1}</translation>
    </message>
    <message>
        <source>Bands: {0}</source>
        <translation>档次:{0}</translation>
    </message>
    <message>
        <source>Items that lost the most points (all assessees together)</source>
        <translation>失分最多的项目(全部被考核单位合计)</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> 分</translation>
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
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
</TS>
