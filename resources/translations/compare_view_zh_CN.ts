<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CompareView</name>
    <message>
        <source>Double inspections</source>
        <translation>交叉检查</translation>
    </message>
    <message>
        <source>Assessees inspected &amp;twice or more:</source>
        <extracomment>the reconciled inspection just recorded from this comparison: recording twice is refused</extracomment>
        <translation>被检查两次以上的单位(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Only items that differ</source>
        <translation>只看不一致的项目(&amp;O)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>A: answer</source>
        <translation>A:答案</translation>
    </message>
    <message>
        <source>A: deducted</source>
        <translation>A:扣分</translation>
    </message>
    <message>
        <source>B: answer</source>
        <translation>B:答案</translation>
    </message>
    <message>
        <source>B: deducted</source>
        <translation>B:扣分</translation>
    </message>
    <message>
        <source>Worth (B−A)</source>
        <translation>分差(B−A)</translation>
    </message>
    <message>
        <source>A&apos;s findings</source>
        <translation>A 的发现</translation>
    </message>
    <message>
        <source>B&apos;s findings</source>
        <translation>B 的发现</translation>
    </message>
    <message>
        <source>&amp;First (A):</source>
        <translation>第一份 A(&amp;F):</translation>
    </message>
    <message>
        <source>S&amp;econd (B):</source>
        <translation>第二份 B(&amp;E):</translation>
    </message>
    <message>
        <source>Record reconciled re&amp;sult</source>
        <translation>记录核对结果(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取……</translation>
    </message>
    <message>
        <source>reconciled</source>
        <translation>已核对</translation>
    </message>
    <message>
        <source>not reconciled</source>
        <translation>未核对</translation>
    </message>
    <message>
        <source>rubric versions differ</source>
        <translation>细则版本不同</translation>
    </message>
    <message>
        <source>%1 inspections</source>
        <translation>%1 份检查</translation>
    </message>
    <message>
        <source>No assessee was inspected twice or more on one rubric.</source>
        <translation>没有单位按同一细则被检查两次以上。</translation>
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
        <source>Comparing…</source>
        <translation>正在对比……</translation>
    </message>
    <message>
        <source>A: %1 of %2 · B: %3 of %4 · difference (B−A) %5 · %6 items differ</source>
        <translation>A:%1 / %2 分 · B:%3 / %4 分 · 总分之差(B−A)%5 · 不一致 %6 项</translation>
    </message>
    <message>
        <source>%1 of it absorbed by caps (扣完为止)</source>
        <translation>其中 %1 由封顶(扣完为止)吸收</translation>
    </message>
    <message>
        <source>The two inspections agree on every item.</source>
        <translation>两份检查逐项一致。</translation>
    </message>
    <message>
        <source>Take a side (or enter an answer) with a reason on every item marked ≠.</source>
        <translation>请对每个标有 ≠ 的项目选定一方(或填写答案),并写明理由。</translation>
    </message>
    <message>
        <source>Already reconciled (inspection %1): a new result would count instead.</source>
        <translation>已核对过(检查 %1);若再记录,以新的结果为准。</translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation>(暂计)</translation>
    </message>
    <message>
        <source>The two inspections differ on this item</source>
        <translation>两份检查在本项上不一致</translation>
    </message>
    <message>
        <source>Every item marked ≠ is decided: record the reconciled result.</source>
        <translation>标有 ≠ 的项目均已选定,请记录核对结果。</translation>
    </message>
    <message>
        <source>%1 of %2 items marked ≠ still to decide: a side (or an answer) and a reason on each.</source>
        <translation>标有 ≠ 的项目还有 %1 项未定(共 %2 项):每项选定一方(或填写答案)并写明理由。</translation>
    </message>
    <message>
        <source>Recorded the reconciled inspection %1; it counts in the results. Sign it to make it final.</source>
        <translation>已记录核对结果(检查 %1),计入结果;签字后即为定稿。</translation>
    </message>
    <message>
        <source>The ID number in a reason is kept masked: only its first 6 and last 4 characters.</source>
        <translation>理由中的身份证号已遮蔽:只保存前 6 位和后 4 位。</translation>
    </message>
</context>
</TS>
