<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>Tick each duty that is not done:</source>
        <translation>勾选每项未完成的职责:</translation>
    </message>
    <message>
        <source>Tick each element that is missing:</source>
        <translation>勾选每项缺少的内容:</translation>
    </message>
    <message>
        <source>The rubric names no duties: add one for each duty not done.</source>
        <translation>细则没有列出具体职责:每有一项未完成,点一次“再记一项未完成”。</translation>
    </message>
    <message>
        <source>The rubric names no elements: add one for each that is missing.</source>
        <translation>细则没有列出具体内容:每缺少一项,点一次“再记一项缺项”。</translation>
    </message>
    <message>
        <source>Add one &amp;not done</source>
        <translation>再记一项未完成(&amp;N)</translation>
    </message>
    <message>
        <source>Add a &amp;missing one</source>
        <translation>再记一项缺项(&amp;M)</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+回车</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>{0} not done</source>
        <translation>{0} 项未完成</translation>
    </message>
    <message>
        <source>{0} missing</source>
        <translation>缺少 {0} 项</translation>
    </message>
    <message>
        <source>{0} of {1} not done</source>
        <translation>{1} 项中 {0} 项未完成</translation>
    </message>
    <message>
        <source>{0} of {1} missing</source>
        <translation>{1} 项中缺少 {0} 项</translation>
    </message>
    <message>
        <source>All {0} are already counted missing.</source>
        <translation>{0} 项已全部记为缺少。</translation>
    </message>
    <message>
        <source>Duty not named (unnamed finding {0})</source>
        <translation>未写明的职责(未具名发现 {0})</translation>
    </message>
    <message>
        <source>Element not named (unnamed finding {0})</source>
        <translation>未写明的缺项(未具名发现 {0})</translation>
    </message>
    <message>
        <source>Recorded without naming which one (for example from an answers file). Untick to remove it.</source>
        <translation>记录时未写明是哪一项(例如来自答案文件)。取消勾选即删除。</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>This item has no list of findings: its answer is entered here.</source>
        <extracomment>touch screens: nothing the inspector taps is smaller than this where a checkable row keeps the name it stands for the finding that photos attach to changed (or its photos may have)</extracomment>
        <translation>此项没有问题清单:在这里填写答案。</translation>
    </message>
</context>
<context>
    <name>FindingsEditor</name>
    <message>
        <source>+ {0}</source>
        <extracomment>an event that is a household (&quot;每有一户不得脱贫&quot;) is counted in 户, not 处</extracomment>
        <translation>+ {0}</translation>
    </message>
    <message>
        <source>Record one household&apos;s rating: {0}</source>
        <translation>记录一户的评价:{0}</translation>
    </message>
    <message>
        <source>+ Add event</source>
        <translation>+ 记一户/一次</translation>
    </message>
    <message>
        <source>+ Add a household</source>
        <translation>+ 记一户</translation>
    </message>
    <message>
        <source>+ Add finding</source>
        <translation>+ 记一处问题</translation>
    </message>
    <message>
        <source>Record one more occurrence (Ctrl+Return)</source>
        <translation>再记一处(Ctrl+回车)</translation>
    </message>
    <message>
        <source>Delete this rating</source>
        <translation>删除这条评价</translation>
    </message>
    <message>
        <source>Add a finding</source>
        <translation>记一处问题</translation>
    </message>
    <message>
        <source>Add a rating</source>
        <translation>添加一条评价</translation>
    </message>
    <message>
        <source>Selected finding</source>
        <translation>选中的问题</translation>
    </message>
    <message>
        <source>Selected rating</source>
        <translation>选中的评价</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>处数</translation>
    </message>
    <message>
        <source>A finding counts at least 1: to take it away, delete the finding (Ctrl+Delete).</source>
        <translation>一条问题至少计 1 处;要去掉它,请删除这条问题(Ctrl+Delete)。</translation>
    </message>
    <message>
        <source>The ID number in the note is kept masked: only its first 6 and last 4 characters are stored.</source>
        <translation>备注中的身份证号已遮蔽:只保存前 6 位和后 4 位。</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>What was found, where</source>
        <translation>发现了什么,在哪里</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Delete this finding</source>
        <translation>删除这条问题</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>{0} household(s) rated</source>
        <translation>已评价 {0} 户</translation>
    </message>
    <message>
        <source>{0} household(s) rated; the item counts as {1}</source>
        <translation>已评 {0} 户;本项按「{1}」计</translation>
    </message>
    <message>
        <source>{0} household(s)</source>
        <translation>共 {0} 户</translation>
    </message>
    <message>
        <source>{0} occurrence(s)</source>
        <translation>共 {0} 处</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>MetricEditor</name>
    <message>
        <source>Actual value</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>{0} (from the rubric)</source>
        <translation>{0}(细则规定)</translation>
    </message>
    <message>
        <source>No target in the rubric: type it</source>
        <translation>细则未给目标值,请填写</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Shortfall</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Target {0}{1}</source>
        <translation>目标 {0}{1}</translation>
    </message>
    <message>
        <source>This number is too large or has too many digits to be a real value: check it and type it again.</source>
        <translation>这个数字过大或位数过多,不可能是实际数值;请核对后重新输入。</translation>
    </message>
    <message>
        <source>Type a number, such as 12.5.</source>
        <translation>请输入数字,例如 12.5。</translation>
    </message>
    <message>
        <source>The rubric gives no target here: type the target too.</source>
        <translation>细则未给出此项目标值,请同时填写目标值。</translation>
    </message>
</context>
<context>
    <name>OptionsEditor</name>
    <message>
        <source>Tick each one in use (at least {0} needed):</source>
        <translation>勾选已采用的方式(至少需要 {0} 种):</translation>
    </message>
    <message>
        <source>&amp;Other (please name):</source>
        <translation>其他(请注明)(&amp;O):</translation>
    </message>
    <message>
        <source>e.g. loudspeaker, WeChat group</source>
        <translation>如:广播、微信群</translation>
    </message>
    <message>
        <source>Ways used beyond the list; several separated by 、 or a comma. Each one named counts as one.</source>
        <translation>所列之外采用的宣传方式;多种用顿号或逗号分开,每写明一种计为一种。</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Nothing recorded yet</source>
        <translation>尚未记录</translation>
    </message>
    <message>
        <source>✓ {0} in use, at least {1} needed: met</source>
        <translation>✓ 采用 {0} 种,至少 {1} 种:达标</translation>
    </message>
    <message>
        <source>✗ {0} in use, at least {1} needed: not met</source>
        <translation>✗ 仅采用 {0} 种,至少 {1} 种:不达标</translation>
    </message>
</context>
<context>
    <name>VerdictEditor</name>
    <message>
        <source>Bonus earned</source>
        <translation>符合加分</translation>
    </message>
    <message>
        <source>No bonus</source>
        <translation>不加分</translation>
    </message>
    <message>
        <source>Applies (out of ranking)</source>
        <translation>存在该情形(取消排序资格)</translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation>无此情形</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>This item is answered yes or no, not with a list of findings: press one of the buttons.</source>
        <translation>此项只判断是或否,没有问题清单:请按其中一个按钮。</translation>
    </message>
</context>
</TS>
