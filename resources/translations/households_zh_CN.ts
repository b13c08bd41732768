<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>New household</source>
        <translation>新建农户</translation>
    </message>
    <message>
        <source>Edit household</source>
        <translation>修改农户</translation>
    </message>
    <message>
        <source>18 digits; only a masked form is kept</source>
        <translation>18 位号码;只保存遮蔽后的号码</translation>
    </message>
    <message>
        <source>&amp;Head of household</source>
        <translation>户主姓名(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>家庭人口(&amp;M)</translation>
    </message>
    <message>
        <source>Hel&amp;per (帮扶责任人)</source>
        <translation>帮扶责任人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>类别(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <source>Name or pinyin initials</source>
        <extracomment>the id kept on each entry, and the text a typed search is matched against a name typed that picks no household (none has it, or two do): the sentence to show (the field goes back)</extracomment>
        <translation>姓名或拼音首字母</translation>
    </message>
    <message>
        <source>(no household)</source>
        <translation>(不指定农户)</translation>
    </message>
    <message>
        <source>{0} member(s)</source>
        <translation>{0}人</translation>
    </message>
    <message>
        <source>+ New household…</source>
        <translation>+ 新建农户…</translation>
    </message>
    <message>
        <source>{0} households of this village are named {1}: choose one from the list.</source>
        <translation>本村有 {0} 户名为 {1}:请从列表中选择一户。</translation>
    </message>
    <message>
        <source>No household of this village is named {0}: choose one from the list, or &quot;+ New household…&quot; to add it.</source>
        <translation>本村没有名为 {0} 的农户:请从列表中选择,或选「+ 新建农户…」添加。</translation>
    </message>
</context>
<context>
    <name>HouseholdsView</name>
    <message>
        <source>Households of {0}</source>
        <extracomment>the rule forms whose findings can name a household the handbook items shown at a glance for each household the inspector asked to see this item in the walk</extracomment>
        <translation>{0}的农户</translation>
    </message>
    <message>
        <source>Find: name or pinyin initials (zs)</source>
        <translation>查找:姓名或拼音首字母(如 zs)</translation>
    </message>
    <message>
        <source>Note for the next finding (optional)</source>
        <translation>下一条发现记录的备注(可不填)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Other &amp;item</source>
        <translation>其他项目(&amp;I)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>扶贫手册 (2.1) at a glance</source>
        <translation>扶贫手册(2.1)一览</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <source>Record one finding on {0} for this household</source>
        <translation>为这户在 {0} 记一处问题</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>How many / rating</source>
        <translation>处数/评价</translation>
    </message>
    <message>
        <source>This household&apos;s findings (Enter opens the item)</source>
        <translation>这户的发现记录(按回车打开该项目)</translation>
    </message>
    <message>
        <source>  · {0} finding(s)</source>
        <translation>  · {0} 条记录</translation>
    </message>
    <message>
        <source>No households yet: press New… to add the first.</source>
        <translation>还没有农户:按「新建…」添加第一户。</translation>
    </message>
    <message>
        <source>{0} member(s)</source>
        <translation>{0} 人</translation>
    </message>
    <message>
        <source>helper {0}</source>
        <translation>帮扶责任人 {0}</translation>
    </message>
    <message>
        <source>{0} finding(s)</source>
        <translation>{0} 条</translation>
    </message>
    <message>
        <source>Remove household</source>
        <translation>删除农户</translation>
    </message>
    <message>
        <source>Remove the household of {0}?</source>
        <translation>删除农户「{0}」?</translation>
    </message>
</context>
</TS>
