<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SigningActions</name>
    <message>
        <source>&amp;Sign…</source>
        <translation>签字(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>修订(&amp;A)…</translation>
    </message>
    <message>
        <source>Score shee&amp;t…</source>
        <translation>评分表(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Print score sheets…</source>
        <translation>批量打印评分表(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Signed and locked (revision {0}).</source>
        <translation>已签字并锁定(第 {0} 版)。</translation>
    </message>
    <message>
        <source>The ID number in the reason is kept masked.</source>
        <translation>修订原因中的身份证号已遮蔽,只保存前 6 位和后 4 位。</translation>
    </message>
    <message>
        <source>Amend the inspection</source>
        <translation>修订检查</translation>
    </message>
    <message>
        <source>Amending voids the {0} signatures (they stay in the history) and reopens the inspection as revision {1}. Why is it amended?</source>
        <translation>修订会使现有 {0} 个签字作废(仍保留在历史记录中),并以第 {1} 版重新打开检查。修订原因是什么?</translation>
    </message>
    <message>
        <source>Amended: revision {0} is a draft.</source>
        <translation>已修订:第 {0} 版为草稿。</translation>
    </message>
    <message>
        <source>Making the score sheet…</source>
        <translation>正在生成评分表…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>已将 %n 页送往打印机。</numerusform>
        </translation>
    </message>
</context>
</TS>
