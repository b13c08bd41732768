<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DevicesView</name>
    <message>
        <source>Devices and team</source>
        <translation>设备与检查组</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近出现</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Create team…</source>
        <translation>建立检查组(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Enrol…</source>
        <translation>加入检查组(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>吊销(&amp;R)…</translation>
    </message>
    <message>
        <source>E&amp;xport team certificate…</source>
        <translation>导出检查组证书(&amp;X)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This database has no team yet. The team leader creates it once, then enrols the laptops whose bundles were imported here.</source>
        <translation>此数据库还没有检查组。组长建立一次检查组,再让已在此导入过同步包的电脑加入。</translation>
    </message>
    <message>
        <source>Team “%1”, certificate fingerprint %2</source>
        <translation>检查组「%1」,证书指纹 %2</translation>
    </message>
    <message>
        <source>Only this laptop is known so far. Import the inspectors&apos; bundles (File ▸ Exchange bundles…); their laptops then appear here.</source>
        <translation>目前只认识本机。请导入各检查员的同步包(文件 ▸ 交换同步包…),他们的电脑随后出现在这里。</translation>
    </message>
    <message>
        <source> (this laptop)</source>
        <translation>(本机)</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已加入</translation>
    </message>
    <message>
        <source>Revoked %1</source>
        <translation>已吊销 %1</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>未加入</translation>
    </message>
    <message>
        <source>Create team</source>
        <translation>建立检查组</translation>
    </message>
    <message>
        <source>The team&apos;s name, as sheets will show it (for example 衡阳县第一检查组):</source>
        <translation>检查组名称,评分表核验时显示(例如 衡阳县第一检查组):</translation>
    </message>
    <message>
        <source>Team “%1” created. Export its certificate for whoever verifies sheets; enrol the laptops next.</source>
        <translation>已建立检查组「%1」。请导出其证书交给核验评分表的人,然后让各台电脑加入。</translation>
    </message>
    <message>
        <source>Enrol device</source>
        <translation>设备加入检查组</translation>
    </message>
    <message>
        <source>Enrol %1 in the team?

Key fingerprint:
%2

Compare it with the fingerprint that laptop shows in File ▸ Exchange bundles. Its certificate goes out with your next bundle.</source>
        <translation>让 %1 加入检查组?

密钥指纹:
%2

请与该电脑在 文件 ▸ 交换同步包 中显示的指纹核对。它的证书随你的下一个同步包送出。</translation>
    </message>
    <message>
        <source>%1 is enrolled; export a bundle to send it its certificate.</source>
        <translation>%1 已加入检查组;导出同步包即可把证书送给它。</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>吊销设备</translation>
    </message>
    <message>
        <source>Revoke %1? Its sheets will show as revoked from now on, on every laptop that receives your next bundle.

Key fingerprint:
%2</source>
        <translation>吊销 %1?从现在起,收到你下一个同步包的每台电脑核验其评分表时都会显示已吊销。

密钥指纹:
%2</translation>
    </message>
    <message>
        <source>Reason (optional):</source>
        <translation>原因(可不填):</translation>
    </message>
    <message>
        <source>%1 is revoked.</source>
        <translation>%1 已吊销。</translation>
    </message>
    <message>
        <source>Export team certificate</source>
        <translation>导出检查组证书</translation>
    </message>
    <message>
        <source>Team certificate (*.pem)</source>
        <translation>检查组证书 (*.pem)</translation>
    </message>
    <message>
        <source>The team certificate is in %1.</source>
        <translation>检查组证书已写入 %1。</translation>
    </message>
</context>
</TS>
