<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddressChooser</name>
    <message>
        <source>All interfaces (IPv4 + IPv6)</source>
        <translation>所有接口 (IPv4 + IPv6)</translation>
    </message>
    <message>
        <source>127.0.0.1 (this machine only)</source>
        <translation>127.0.0.1（仅本机）</translation>
    </message>
    <message>
        <source>::1 (this machine only, IPv6)</source>
        <translation>::1（仅本机，IPv6）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>AutoReplyDialog</name>
    <message>
        <source>Auto-reply rules</source>
        <translation>自动应答规则</translation>
    </message>
    <message>
        <source>When received data matches a rule, its reply is sent back to the sender. The first enabled rule that matches wins. With framing on, each frame is matched on its own.</source>
        <translation>收到的数据与某条规则匹配时，将该规则的应答发回给发送方。按顺序第一条匹配的已启用规则生效。启用分帧时，每一帧单独匹配。</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Rules in the order they are tried</source>
        <translation>按匹配顺序排列的规则</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Add a rule at the end</source>
        <translation>在末尾添加一条规则</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>删除选中的规则</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move rule up</source>
        <translation>上移规则</translation>
    </message>
    <message>
        <source>Try the selected rule earlier</source>
        <translation>提前匹配选中的规则</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Move rule down</source>
        <translation>下移规则</translation>
    </message>
    <message>
        <source>Try the selected rule later</source>
        <translation>推后匹配选中的规则</translation>
    </message>
    <message>
        <source>&amp;Echo everything else back</source>
        <translation>其余数据原样回显(&amp;E)</translation>
    </message>
    <message>
        <source>Echo</source>
        <translation>回显</translation>
    </message>
    <message>
        <source>Data no rule matched is sent back exactly as it came</source>
        <translation>未匹配任何规则的数据按原样发回</translation>
    </message>
    <message>
        <source>Rule problem</source>
        <translation>规则有误</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>When data</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>匹配内容</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Reply is</source>
        <translation>应答格式</translation>
    </message>
    <message>
        <source>Line end</source>
        <translation>行尾</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Only enabled rules answer</source>
        <translation>只有已启用的规则才会应答</translation>
    </message>
    <message>
        <source>The pattern is hex bytes; for a regular expression, it is matched against the data&apos;s hex form (&quot;01 03 00 0A&quot;)</source>
        <translation>匹配内容为十六进制字节；若为正则表达式，则与数据的十六进制形式（“01 03 00 0A”）进行匹配</translation>
    </message>
    <message>
        <source>Match kind</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>开头为</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>matches regex</source>
        <translation>匹配正则</translation>
    </message>
    <message>
        <source>Reply format</source>
        <translation>应答格式</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Text, \ escapes</source>
        <translation>文本，\ 转义</translation>
    </message>
    <message>
        <source>Reply line ending</source>
        <translation>应答行尾</translation>
    </message>
    <message>
        <source>Reply checksum</source>
        <translation>应答校验和</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>规则 %1：%2</translation>
    </message>
    <message>
        <source>the pattern is empty</source>
        <translation>匹配内容为空</translation>
    </message>
    <message>
        <source>the pattern is not valid hex</source>
        <translation>匹配内容不是有效的十六进制</translation>
    </message>
    <message>
        <source>the pattern has a character the encoding %1 cannot represent</source>
        <translation>匹配内容包含编码 %1 无法表示的字符</translation>
    </message>
    <message>
        <source>the regular expression is not valid</source>
        <translation>正则表达式无效</translation>
    </message>
    <message>
        <source>the reply is empty or not valid in its format</source>
        <translation>应答为空，或不符合其格式</translation>
    </message>
</context>
<context>
    <name>CaptureControl</name>
    <message>
        <source>Capture to file…</source>
        <translation>捕获到文件…</translation>
    </message>
    <message>
        <source>Capture to file</source>
        <translation>捕获到文件</translation>
    </message>
    <message>
        <source>Capture status</source>
        <translation>捕获状态</translation>
    </message>
    <message>
        <source>Text with timestamps (*.txt *.log)</source>
        <translation>带时间戳的文本 (*.txt *.log)</translation>
    </message>
    <message>
        <source>Raw received bytes (*.bin)</source>
        <translation>原始接收字节 (*.bin)</translation>
    </message>
    <message>
        <source>Raw sent bytes (*.bin)</source>
        <translation>原始发送字节 (*.bin)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot capture to %1: %2</source>
        <translation>无法捕获到 %1：%2</translation>
    </message>
    <message>
        <source>Capture to %1 stopped: %2</source>
        <translation>捕获到 %1 已停止：%2</translation>
    </message>
    <message>
        <source>Capturing to %1</source>
        <translation>正在捕获到 %1</translation>
    </message>
    <message>
        <source>Append every record to a file as it arrives: text with timestamps, the raw received or sent bytes, or packets for Wireshark (pcap)</source>
        <translation>每条记录到达时即追加到文件：带时间戳的文本、原始的接收或发送字节，或供 Wireshark 使用的数据包（pcap）</translation>
    </message>
    <message>
        <source>pcap for Wireshark (*.pcap)</source>
        <translation>供 Wireshark 使用的 pcap (*.pcap)</translation>
    </message>
</context>
<context>
    <name>CaptureFlowsDialog</name>
    <message>
        <source>Capture: %1</source>
        <translation>抓包文件：%1</translation>
    </message>
    <message>
        <source>About this capture</source>
        <translation>关于此抓包文件</translation>
    </message>
    <message numerus="yes">
        <source>%n stream(s) and flow(s) in %1.</source>
        <translation>
            <numerusform>%1 中有 %n 个流。</numerusform>
        </translation>
    </message>
    <message>
        <source>Streams and flows</source>
        <translation>流</translation>
    </message>
    <message>
        <source>The TCP streams and UDP flows of the capture; open one to read it in a tab</source>
        <translation>抓包文件中的 TCP 流和 UDP 流；打开其中一个即可在标签页中查看</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>流</translation>
    </message>
    <message>
        <source>Endpoint A</source>
        <translation>端点 A</translation>
    </message>
    <message>
        <source>Endpoint B</source>
        <translation>端点 B</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>A → B</source>
        <translation>A → B</translation>
    </message>
    <message>
        <source>B → A</source>
        <translation>B → A</translation>
    </message>
    <message>
        <source>First packet</source>
        <translation>第一个数据包</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show the selected streams and flows, each in a read-only tab</source>
        <translation>将选中的流分别显示在只读标签页中</translation>
    </message>
</context>
<context>
    <name>CaptureOpener</name>
    <message>
        <source>The file cannot be opened: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>This is not a pcap or pcapng capture (%1).</source>
        <translation>这不是 pcap 或 pcapng 抓包文件（%1）。</translation>
    </message>
    <message>
        <source>NetAssist does not read captures of this link layer (%1, link type %2); it reads Ethernet, raw IP, Linux cooked and loopback captures.</source>
        <translation>NetAssist 不读取此链路层的抓包（%1，链路类型 %2）；它能读取以太网、原始 IP、Linux cooked 和环回抓包。</translation>
    </message>
    <message>
        <source>The file ends inside packet %1 (at byte %2): everything before it was read.</source>
        <translation>文件在第 %1 个数据包内（第 %2 字节处）结束：之前的内容都已读取。</translation>
    </message>
    <message>
        <source>Packet %1 (at byte %2) is damaged (%3): everything before it was read.</source>
        <translation>第 %1 个数据包（第 %2 字节处）已损坏（%3）：之前的内容都已读取。</translation>
    </message>
    <message>
        <source>Reading was cancelled at packet %1: only what came before it is shown.</source>
        <translation>读取在第 %1 个数据包处被取消：只显示之前的内容。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading the capture</source>
        <translation>正在读取抓包文件</translation>
    </message>
    <message>
        <source>Open Capture</source>
        <translation>打开抓包文件</translation>
    </message>
    <message>
        <source>Listing the streams and flows of %1…</source>
        <translation>正在列出 %1 中的流……</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <source>Reading %1 stream %2…</source>
        <translation>正在读取 %1 流 %2……</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>Cannot read %1:
%2</source>
        <translation>无法读取 %1：
%2</translation>
    </message>
</context>
<context>
    <name>CapturePage</name>
    <message>
        <source>Capture</source>
        <translation>抓包</translation>
    </message>
    <message>
        <source>Where this conversation comes from</source>
        <translation>此会话的来源</translation>
    </message>
    <message>
        <source>%1 %2 ⇄ %3</source>
        <translation>%1 %2 ⇄ %3</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2: %n byte(s) missing from the capture</source>
        <translation>
            <numerusform>%1 → %2：抓包中缺少 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 closed its side (FIN)</source>
        <translation>%1 关闭了它的一端（FIN）</translation>
    </message>
    <message>
        <source>%1 reset the connection (RST)</source>
        <translation>%1 重置了连接（RST）</translation>
    </message>
    <message>
        <source>%1, %2 stream %3: TX is %4 → %5, RX the other way; %6 packets, %7 bytes on the wire.</source>
        <translation>%1，%2 流 %3：TX 为 %4 → %5，RX 为反方向；线路上共 %6 个数据包、%7 字节。</translation>
    </message>
    <message>
        <source>Only the first %1 bytes are shown (the log&apos;s budget).</source>
        <translation>只显示前 %1 字节（日志的容量上限）。</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H):</translation>
    </message>
    <message>
        <source>Remote host: an IPv4 or IPv6 address, or a name</source>
        <translation>远程主机：IPv4 或 IPv6 地址，或主机名</translation>
    </message>
    <message>
        <source>Remote host</source>
        <translation>远程主机</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P):</translation>
    </message>
    <message>
        <source>Remote port, 1 to 65535</source>
        <translation>远程端口，1 到 65535</translation>
    </message>
    <message>
        <source>Remote port</source>
        <translation>远程端口</translation>
    </message>
    <message>
        <source>8000</source>
        <translation>8000</translation>
    </message>
    <message>
        <source>L&amp;ocal port:</source>
        <translation>本地端口(&amp;O):</translation>
    </message>
    <message>
        <source>Local port to connect from; empty lets the system choose</source>
        <translation>发起连接所用的本地端口；留空则由系统选择</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>本地端口</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Connect or disconnect</source>
        <translation>连接或断开</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Local and peer address</source>
        <translation>本地和对端地址</translation>
    </message>
    <message>
        <source>Input error</source>
        <translation>输入错误</translation>
    </message>
    <message>
        <source>Local %1  ↔  Peer %2</source>
        <translation>本地 %1  ↔  对端 %2</translation>
    </message>
    <message>
        <source>Enter the host to connect to.</source>
        <translation>请输入要连接的主机。</translation>
    </message>
    <message>
        <source>Remote port: %1</source>
        <translation>远程端口：%1</translation>
    </message>
    <message>
        <source>Local port: %1</source>
        <translation>本地端口：%1</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>已断开：%1</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>正在断开…</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>write PORT or ADDRESS:PORT</source>
        <translation>请写成 PORT 或 ADDRESS:PORT</translation>
    </message>
    <message>
        <source>the host is missing (write HOST:PORT)</source>
        <translation>缺少主机（请写成 HOST:PORT）</translation>
    </message>
    <message>
        <source>the port is missing (write PORT, ADDRESS:PORT or [IPv6]:PORT)</source>
        <translation>缺少端口（请写成 PORT、ADDRESS:PORT 或 [IPv6]:PORT）</translation>
    </message>
    <message>
        <source>the port is missing (write HOST:PORT or [IPv6]:PORT)</source>
        <translation>缺少端口（请写成 HOST:PORT 或 [IPv6]:PORT）</translation>
    </message>
    <message>
        <source>the port must be a number from 0 to 65535 (0: any free port)</source>
        <translation>端口必须是 0 到 65535 之间的数字（0：任意空闲端口）</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>端口必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>only an IPv6 address goes in brackets, as in [::1]:8000</source>
        <translation>只有 IPv6 地址才放在方括号中，例如 [::1]:8000</translation>
    </message>
    <message>
        <source>%1 %2: %3.</source>
        <translation>%1 %2：%3。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <source>[ADDRESS:]PORT</source>
        <translation>[ADDRESS:]PORT</translation>
    </message>
    <message>
        <source>Encoding of the send box and the receive log: %1.</source>
        <translation>发送框和接收日志的编码：%1。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Send and show bytes as hex.</source>
        <translation>以十六进制发送和显示字节。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>listen on an IP address of this machine, not a host name</source>
        <translation>请监听本机的 IP 地址，而不是主机名</translation>
    </message>
    <message>
        <source>--connect needs --client HOST:PORT.</source>
        <translation>--connect 需要同时指定 --client HOST:PORT。</translation>
    </message>
    <message>
        <source>--listen needs --server [ADDRESS:]PORT.</source>
        <translation>--listen 需要同时指定 --server [ADDRESS:]PORT。</translation>
    </message>
    <message>
        <source>Unknown encoding &quot;%1&quot;. Available: %2.</source>
        <translation>未知编码“%1”。可用编码：%2。</translation>
    </message>
    <message>
        <source>--capture needs a file name.</source>
        <translation>--capture 需要一个文件名。</translation>
    </message>
    <message>
        <source>Try &apos;netassist --help&apos; for more information.</source>
        <translation>运行 &apos;netassist --help&apos; 了解更多信息。</translation>
    </message>
    <message>
        <source>cannot capture to %1: %2</source>
        <translation>无法捕获到 %1：%2</translation>
    </message>
    <message>
        <source>not a multicast group (IPv4 224.0.0.0 to 239.255.255.255, IPv6 ff00::/8)</source>
        <translation>不是组播组（IPv4 224.0.0.0 到 239.255.255.255，IPv6 ff00::/8）</translation>
    </message>
    <message>
        <source>this machine has no network interface named &quot;%1&quot;</source>
        <translation>本机没有名为“%1”的网络接口</translation>
    </message>
    <message>
        <source>Open a TCP Client tab with this target, e.g. 192.168.1.10:502 or [::1]:8000. May be repeated: each opens a tab.</source>
        <translation>打开以此为目标的 TCP 客户端标签页，例如 192.168.1.10:502 或 [::1]:8000。可重复指定：每个打开一个标签页。</translation>
    </message>
    <message>
        <source>Connect to the --client targets at once.</source>
        <translation>立即连接 --client 指定的目标。</translation>
    </message>
    <message>
        <source>Open a TCP Server tab with this port and listen address (default: all interfaces; port 0: any free port). May be repeated.</source>
        <translation>打开使用此端口和监听地址的 TCP 服务器标签页（默认：所有接口；端口 0：任意空闲端口）。可重复指定。</translation>
    </message>
    <message>
        <source>Start listening on the --server ports at once.</source>
        <translation>立即在 --server 指定的端口上开始监听。</translation>
    </message>
    <message>
        <source>Open a UDP tab bound to this port and address (default: all interfaces; port 0: any free port). May be repeated.</source>
        <translation>打开绑定到此端口和地址的 UDP 标签页（默认：所有接口；端口 0：任意空闲端口）。可重复指定。</translation>
    </message>
    <message>
        <source>The remote target of the --udp tab before it, e.g. 192.168.1.255:9000.</source>
        <translation>其前面的 --udp 标签页的远程目标，例如 192.168.1.255:9000。</translation>
    </message>
    <message>
        <source>Join this multicast group on the --udp tab before it, on the named interface or the system&apos;s choice, e.g. 239.1.2.3 or ff12::1234@eth0. May be repeated.</source>
        <translation>在其前面的 --udp 标签页上加入此组播组，使用指定的接口或由系统选择，例如 239.1.2.3 或 ff12::1234@eth0。可重复指定。</translation>
    </message>
    <message>
        <source>GROUP[@IFACE]</source>
        <translation>GROUP[@IFACE]</translation>
    </message>
    <message>
        <source>--join %1: --join follows the --udp tab it is for.</source>
        <translation>--join %1：--join 应写在它所属的 --udp 之后。</translation>
    </message>
    <message>
        <source>NetAssist: a network debugging assistant (TCP client and server, UDP).
netassist run SEQUENCE.json --client HOST:PORT runs a sequence of checks without a window (see netassist run --help).</source>
        <translation>NetAssist：网络调试助手（TCP 客户端和服务器、UDP）。
netassist run SEQUENCE.json --client HOST:PORT 无需窗口即可运行一个检查序列（见 netassist run --help）。</translation>
    </message>
    <message>
        <source>Record every record of the shown tab to FILE (text with timestamps; a FILE ending in .pcap gets packets for Wireshark).</source>
        <translation>将当前标签页的每条记录写入 FILE（带时间戳的文本；以 .pcap 结尾的 FILE 写入供 Wireshark 使用的数据包）。</translation>
    </message>
    <message>
        <source>open FILE: list the TCP streams and UDP flows of a capture (pcap or pcapng) at start.</source>
        <translation>open FILE：启动时列出抓包文件（pcap 或 pcapng）中的 TCP 流和 UDP 流。</translation>
    </message>
    <message>
        <source>open needs a capture file (.pcap or .pcapng).</source>
        <translation>open 需要一个抓包文件（.pcap 或 .pcapng）。</translation>
    </message>
    <message>
        <source>Open a Relay tab listening on this port and address, forwarding every connection to the --to HOST:PORT after it, and start it. May be repeated.</source>
        <translation>打开一个转发标签页，在此端口和地址上监听，把每个连接转发到其后 --to 指定的 HOST:PORT，并立即启动。可重复。</translation>
    </message>
    <message>
        <source>Open a TLS Client tab with this target, e.g. 192.168.1.10:8883. May be repeated.</source>
        <translation>打开一个以此为目标的 TLS 客户端标签页，例如 192.168.1.10:8883。可重复。</translation>
    </message>
    <message>
        <source>Verify the --tls-client before it against the CA certificates in FILE (PEM).</source>
        <translation>用 FILE（PEM）中的 CA 证书验证其前面的 --tls-client。</translation>
    </message>
    <message>
        <source>Do not verify the --tls-client before it (the log marks what it receives as unverified).</source>
        <translation>不验证其前面的 --tls-client（日志把收到的内容标为未验证）。</translation>
    </message>
    <message>
        <source>Open a TLS Server tab with this port and listen address; needs --cert and --key. May be repeated.</source>
        <translation>打开一个使用此端口和监听地址的 TLS 服务器标签页；需要 --cert 和 --key。可重复。</translation>
    </message>
    <message>
        <source>The certificate of the --tls-server before it: PEM, or PKCS#12 (.p12, .pfx).</source>
        <translation>其前面 --tls-server 的证书：PEM，或 PKCS#12（.p12、.pfx）。</translation>
    </message>
    <message>
        <source>The private key (PEM) of the --tls-server before it.</source>
        <translation>其前面 --tls-server 的私钥（PEM）。</translation>
    </message>
    <message>
        <source>%1: it follows the --tls-client tab it is for.</source>
        <translation>%1：它应跟在所属的 --tls-client 标签页之后。</translation>
    </message>
    <message>
        <source>--ca needs a file name.</source>
        <translation>--ca 需要一个文件名。</translation>
    </message>
    <message>
        <source>%1 %2: it follows the --tls-server tab it is for.</source>
        <translation>%1 %2：它应跟在所属的 --tls-server 标签页之后。</translation>
    </message>
    <message>
        <source>%1 needs a file name.</source>
        <translation>%1 需要一个文件名。</translation>
    </message>
    <message>
        <source>--tls-server needs --cert FILE (and --key FILE unless the certificate file holds the key).</source>
        <translation>--tls-server 需要 --cert FILE（证书文件不含私钥时还需要 --key FILE）。</translation>
    </message>
    <message>
        <source>--ca and --insecure contradict each other: choose one.</source>
        <translation>--ca 与 --insecure 相互矛盾：请选择其一。</translation>
    </message>
    <message>
        <source>Open a UDP Relay tab bound to this port and address, forwarding every client&apos;s datagrams to the --to HOST:PORT after it, and start it. May be repeated.</source>
        <translation>打开一个绑定到此端口和地址的 UDP 转发标签页，把每个客户端的数据报转发到其后的 --to HOST:PORT，并立即启动。可重复。</translation>
    </message>
    <message>
        <source>--to %1: --to follows the --udp, --relay or --udp-relay tab it is for.</source>
        <translation>--to %1：--to 应紧跟在它所属的 --udp、--relay 或 --udp-relay 标签页之后。</translation>
    </message>
    <message>
        <source>%1 %2: a relay needs --to HOST:PORT after it.</source>
        <translation>%1 %2：转发需要在其后给出 --to HOST:PORT。</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Nothing to send: the payload is empty.</source>
        <translation>没有可发送的内容：数据为空。</translation>
    </message>
    <message>
        <source>This encoding is not available.</source>
        <translation>此编码不可用。</translation>
    </message>
    <message>
        <source>Invalid hex at column %1: odd number of digits (write 0A, not A).</source>
        <translation>第 %1 列的十六进制无效：位数为奇数（应写 0A，而不是 A）。</translation>
    </message>
    <message>
        <source>Invalid hex at column %1: &quot;%2&quot; is not a hex digit.</source>
        <translation>第 %1 列的十六进制无效：“%2”不是十六进制数字。</translation>
    </message>
    <message>
        <source>Bad escape at column %1: \x needs two hex digits, as in \x0D.</source>
        <translation>第 %1 列的转义有误：\x 后需要两位十六进制数字，例如 \x0D。</translation>
    </message>
    <message>
        <source>Bad escape at column %1: a lone backslash at the end (write \\ for a backslash).</source>
        <translation>第 %1 列的转义有误：末尾有单独的反斜杠（反斜杠本身请写作 \\）。</translation>
    </message>
    <message>
        <source>Unknown escape at column %1 (known: \r \n \t \\ \0 \xNN).</source>
        <translation>第 %1 列的转义未知（支持：\r \n \t \\ \0 \xNN）。</translation>
    </message>
    <message>
        <source>Column %1: %2 cannot be written in this encoding; choose another encoding or remove it.</source>
        <translation>第 %1 列：%2 无法用此编码表示；请选择其他编码或将其删除。</translation>
    </message>
    <message>
        <source>Enter a port number.</source>
        <translation>请输入端口号。</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535.</source>
        <translation>端口是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>Port out of range: use 1 to 65535.</source>
        <translation>端口超出范围：请使用 1 到 65535。</translation>
    </message>
    <message>
        <source>Port 0 is not allowed here: use 1 to 65535.</source>
        <translation>此处不允许使用端口 0：请使用 1 到 65535。</translation>
    </message>
    <message>
        <source>Connection refused: nothing is listening on that port.</source>
        <translation>连接被拒绝：该端口上没有程序在监听。</translation>
    </message>
    <message>
        <source>The peer closed or reset the connection.</source>
        <translation>对端关闭或重置了连接。</translation>
    </message>
    <message>
        <source>Host not found: check the name or address.</source>
        <translation>找不到主机：请检查名称或地址。</translation>
    </message>
    <message>
        <source>Connection timed out: the host did not answer.</source>
        <translation>连接超时：主机没有响应。</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message>
        <source>The port is already in use: stop the other program or choose another port.</source>
        <translation>端口已被占用：请关闭占用该端口的程序，或选择其他端口。</translation>
    </message>
    <message>
        <source>That address does not belong to this machine.</source>
        <translation>该地址不属于本机。</translation>
    </message>
    <message>
        <source>Permission denied: ports below 1024 need administrator rights; choose a port of 1024 or above.</source>
        <translation>权限不足：1024 以下的端口需要管理员权限；请选择 1024 或以上的端口。</translation>
    </message>
    <message>
        <source>Out of resources (too many open connections?): %1</source>
        <translation>资源不足（打开的连接过多？）：%1</translation>
    </message>
    <message>
        <source>Not supported on this system (is IPv6 enabled?): %1</source>
        <translation>此系统不支持（是否已启用 IPv6？）：%1</translation>
    </message>
    <message>
        <source>Network error.</source>
        <translation>网络错误。</translation>
    </message>
    <message>
        <source>No route to the host: the network or the host is unreachable (%1).</source>
        <translation>没有到主机的路由：网络或主机不可达（%1）。</translation>
    </message>
    <message>
        <source>The datagram is too large for the network (%1).</source>
        <translation>数据报对网络来说过大（%1）。</translation>
    </message>
    <message>
        <source>Nothing is listening at that address and port (the host answered &quot;port unreachable&quot;).</source>
        <translation>该地址和端口上没有程序在监听（主机回复了“端口不可达”）。</translation>
    </message>
    <message>
        <source>The socket is bound to an address of the other IP version (IPv4 / IPv6): bind to all interfaces to reach both.</source>
        <translation>套接字绑定在另一 IP 版本（IPv4 / IPv6）的地址上：绑定到所有接口才能同时访问两者。</translation>
    </message>
    <message>
        <source>TLS is not available on this system: %1</source>
        <translation>此系统上没有可用的 TLS：%1</translation>
    </message>
    <message>
        <source>The certificate, key or CA file cannot be used: %1</source>
        <translation>无法使用证书、私钥或 CA 文件：%1</translation>
    </message>
    <message>
        <source>The peer&apos;s certificate has expired (valid until %1).</source>
        <translation>对端的证书已过期（有效期至 %1）。</translation>
    </message>
    <message>
        <source>The peer&apos;s certificate is not valid yet (valid from %1): check this machine&apos;s clock.</source>
        <translation>对端的证书尚未生效（自 %1 起有效）：请检查本机时钟。</translation>
    </message>
    <message>
        <source>The peer&apos;s certificate is self-signed (%1): give its file as the CA, or trust this certificate.</source>
        <translation>对端的证书是自签名的（%1）：请把它的文件作为 CA，或信任此证书。</translation>
    </message>
    <message>
        <source>The peer&apos;s certificate is signed by an unknown CA (%1): give that CA&apos;s file.</source>
        <translation>对端的证书由未知的 CA 签发（%1）：请提供该 CA 的文件。</translation>
    </message>
    <message>
        <source>Name mismatch: the certificate is not for &quot;%1&quot;; it names %2. Set the server name to one of them.</source>
        <translation>名称不匹配：证书不是颁发给“%1”的；它包含的名称为 %2。请把服务器名称设为其中之一。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The peer&apos;s certificate was not accepted: %1</source>
        <translation>未接受对端的证书：%1</translation>
    </message>
    <message>
        <source>Pin mismatch: the certificate changed since it was trusted (trusted SHA-256 %1, now %2).</source>
        <translation>固定证书不匹配：证书自被信任以来已更改（信任的 SHA-256 为 %1，现在为 %2）。</translation>
    </message>
    <message>
        <source>The server requires a client certificate: choose a certificate and key.</source>
        <translation>服务器要求客户端证书：请选择证书和私钥。</translation>
    </message>
    <message>
        <source>The peer rejected our certificate.</source>
        <translation>对端拒绝了我们的证书。</translation>
    </message>
    <message>
        <source>The peer rejected our certificate (%1).</source>
        <translation>对端拒绝了我们的证书（%1）。</translation>
    </message>
    <message>
        <source>No TLS version both sides accept (%1).</source>
        <translation>没有双方都接受的 TLS 版本（%1）。</translation>
    </message>
    <message>
        <source>The handshake failed: no cipher suite both sides accept, or the peer refused the handshake (%1).</source>
        <translation>握手失败：没有双方都接受的加密套件，或对端拒绝了握手（%1）。</translation>
    </message>
    <message>
        <source>The peer does not speak TLS on this port (plain text came back, or it hung up): use a plain tab, or the port for TLS.</source>
        <translation>对端在此端口上不使用 TLS（返回了明文，或直接断开）：请使用普通标签页，或 TLS 端口。</translation>
    </message>
    <message>
        <source>The TLS handshake failed: %1</source>
        <translation>TLS 握手失败：%1</translation>
    </message>
    <message>
        <source>The server answered with TLS (first byte 0x16 or 0x15): this port speaks TLS; use a TLS client tab.</source>
        <translation>服务器以 TLS 应答（首字节为 0x16 或 0x15）：此端口使用 TLS；请使用 TLS 客户端标签页。</translation>
    </message>
</context>
<context>
    <name>FileSendControl</name>
    <message>
        <source>Send &amp;file…</source>
        <translation>发送文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Send file</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <source>File send progress</source>
        <translation>文件发送进度</translation>
    </message>
    <message>
        <source>How much of the file is queued</source>
        <translation>文件已加入发送队列的部分</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel file send</source>
        <translation>取消文件发送</translation>
    </message>
    <message>
        <source>Stop sending the file (what is already queued still goes out)</source>
        <translation>停止发送文件（已加入队列的数据仍会发出）</translation>
    </message>
    <message>
        <source>Send File</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <source>Sent file %1: %2 bytes</source>
        <translation>已发送文件 %1：%2 字节</translation>
    </message>
    <message>
        <source>Cannot send file %1: %2</source>
        <translation>无法发送文件 %1：%2</translation>
    </message>
    <message>
        <source>Sending file %1 failed after %2: %3</source>
        <translation>发送文件 %1 失败（已发送 %2）：%3</translation>
    </message>
    <message>
        <source>Cannot send file %1: not connected</source>
        <translation>无法发送文件 %1：未连接</translation>
    </message>
    <message>
        <source>Sending file %1 stopped after %2: the connection closed</source>
        <translation>发送文件 %1 已停止（已发送 %2）：连接已关闭</translation>
    </message>
    <message>
        <source>Sending file %1 cancelled after %2</source>
        <translation>发送文件 %1 已取消（已发送 %2）</translation>
    </message>
    <message>
        <source>Sending file %1 (%2)</source>
        <translation>正在发送文件 %1（%2）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 bytes queued</source>
        <translation>已加入队列 %1 / %2 字节</translation>
    </message>
    <message>
        <source>File sending is not available here</source>
        <translation>此处无法发送文件</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Pick a file and send its bytes as they are, with no encoding or checksum</source>
        <translation>选择一个文件并按原样发送其字节，不做编码转换，也不加校验和</translation>
    </message>
    <message>
        <source>File datagram size</source>
        <translation>文件数据报大小</translation>
    </message>
    <message>
        <source>Send file: bytes of the file in each datagram</source>
        <translation>发送文件：每个数据报中的文件字节数</translation>
    </message>
    <message>
        <source> B per datagram</source>
        <translation> 字节/数据报</translation>
    </message>
    <message>
        <source>File datagram interval</source>
        <translation>文件数据报间隔</translation>
    </message>
    <message>
        <source>Send file: time between two datagrams, so the receiver keeps up (0: as fast as possible)</source>
        <translation>发送文件：两个数据报之间的间隔，使接收方来得及处理（0：尽快发送）</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
</context>
<context>
    <name>HeadlessRun</name>
    <message>
        <source>Listening on %1, waiting for the first client...</source>
        <translation>正在监听 %1，等待第一个客户端……</translation>
    </message>
    <message>
        <source>Bound to %1.</source>
        <translation>已绑定到 %1。</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>正在连接 %1……</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>已连接到 %1。</translation>
    </message>
    <message>
        <source>First datagram from %1.</source>
        <translation>收到来自 %1 的第一个数据报。</translation>
    </message>
    <message>
        <source>Client %1 connected.</source>
        <translation>客户端 %1 已连接。</translation>
    </message>
    <message>
        <source>netassist: %1</source>
        <translation>netassist：%1</translation>
    </message>
    <message>
        <source>netassist: %1: %2</source>
        <translation>netassist：%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Running “%1” (%n step(s)).</source>
        <translation>
            <numerusform>正在运行“%1”（%n 个步骤）。</numerusform>
        </translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>SKIP</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>PASSED: %1</source>
        <translation>通过：%1</translation>
    </message>
    <message>
        <source>FAILED (%1): %2</source>
        <translation>失败（%1）：%2</translation>
    </message>
    <message>
        <source>netassist: cannot write the JUnit report %1: %2</source>
        <translation>netassist：无法写入 JUnit 报告 %1：%2</translation>
    </message>
    <message>
        <source>netassist: no connection within %1 s.</source>
        <translation>netassist：%1 秒内未能建立连接。</translation>
    </message>
    <message>
        <source>netassist: no datagram within %1 s (give --to HOST:PORT to speak first).</source>
        <translation>netassist：%1 秒内未收到数据报（用 --to HOST:PORT 指定目标即可先发送）。</translation>
    </message>
    <message>
        <source>netassist: no client connected within %1 s.</source>
        <translation>netassist：%1 秒内没有客户端连接。</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Log view</source>
        <translation>日志视图</translation>
    </message>
    <message>
        <source>Show received data as text or as a hex dump</source>
        <translation>以文本或十六进制转储形式显示接收的数据</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Log encoding</source>
        <translation>日志编码</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Show timestamps</source>
        <translation>显示时间戳</translation>
    </message>
    <message>
        <source>Show the time of each record</source>
        <translation>显示每条记录的时间</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Show peer</source>
        <translation>显示对端</translation>
    </message>
    <message>
        <source>Show the remote address of each record</source>
        <translation>显示每条记录的远程地址</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>控制字符</translation>
    </message>
    <message>
        <source>Show control characters</source>
        <translation>显示控制字符</translation>
    </message>
    <message>
        <source>Show control characters such as CR, LF and TAB as symbols</source>
        <translation>将 CR、LF、TAB 等控制字符显示为符号</translation>
    </message>
    <message>
        <source>Δt</source>
        <translation>Δt</translation>
    </message>
    <message>
        <source>Show time since previous</source>
        <translation>显示与上一条的时间间隔</translation>
    </message>
    <message>
        <source>Show the time since the previous record of the same client and direction, e.g. the gap between frames</source>
        <translation>显示与同一客户端、同一方向上一条记录的时间间隔，例如帧与帧之间的间隔</translation>
    </message>
    <message>
        <source>Auto-scroll</source>
        <translation>自动滚动</translation>
    </message>
    <message>
        <source>Follow new data; scrolling up pauses this, scrolling to the bottom resumes it</source>
        <translation>跟随显示新数据；向上滚动时暂停跟随，滚动到底部时恢复</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause display</source>
        <translation>暂停显示</translation>
    </message>
    <message>
        <source>Freeze the display; data is still recorded and shown on resume</source>
        <translation>冻结显示；数据仍会被记录，恢复后再显示</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear log</source>
        <translation>清空日志</translation>
    </message>
    <message>
        <source>Forget every record of the log</source>
        <translation>清除日志中的所有记录</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected rows (every row when nothing is selected)</source>
        <translation>复制选中的行（未选中时复制所有行）</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Find text or hex bytes in the log, and filter what it shows (Ctrl+F)</source>
        <translation>在日志中查找文本或十六进制字节，并筛选显示的内容（Ctrl+F）</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Bytes and messages received and sent</source>
        <translation>接收和发送的字节数与消息数</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Reset counters</source>
        <translation>重置计数</translation>
    </message>
    <message>
        <source>Set the RX and TX counters back to zero</source>
        <translation>将 RX 和 TX 计数清零</translation>
    </message>
    <message>
        <source>RX</source>
        <translation>RX</translation>
    </message>
    <message>
        <source>TX</source>
        <translation>TX</translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation>+%1 ms</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>已连接：%1</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>已断开：%1</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>Stopped listening</source>
        <translation>已停止监听</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Error: %1 (%2)</source>
        <translation>错误：%1（%2）</translation>
    </message>
    <message>
        <source>Refused %1: too many clients</source>
        <translation>已拒绝 %1：客户端过多</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Could not save %1:
%2</source>
        <translation>无法保存 %1：
%2</translation>
    </message>
    <message>
        <source>RX %1 B (%2 msgs)  TX %3 B (%4 msgs)</source>
        <translation>RX %1 字节 (%2 条)  TX %3 字节 (%4 条)</translation>
    </message>
    <message>
        <source>, %1 old records dropped</source>
        <translation>，已丢弃 %1 条旧记录</translation>
    </message>
    <message numerus="yes">
        <source>(%n byte(s))</source>
        <translation>
            <numerusform>（%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped listening on %1</source>
        <translation>已停止监听 %1</translation>
    </message>
    <message>
        <source>Bound to %1</source>
        <translation>已绑定到 %1</translation>
    </message>
    <message>
        <source>Unbound from %1</source>
        <translation>已解除绑定 %1</translation>
    </message>
    <message>
        <source>Joined multicast group %1</source>
        <translation>已加入组播组 %1</translation>
    </message>
    <message>
        <source>Joined multicast group %1 on %2</source>
        <translation>已在 %2 上加入组播组 %1</translation>
    </message>
    <message>
        <source>Left multicast group %1</source>
        <translation>已退出组播组 %1</translation>
    </message>
    <message>
        <source>Left multicast group %1 on %2</source>
        <translation>已在 %2 上退出组播组 %1</translation>
    </message>
    <message>
        <source>New peer: %1</source>
        <translation>新对端：%1</translation>
    </message>
    <message>
        <source>Peer left the table: %1</source>
        <translation>对端已移出列表：%1</translation>
    </message>
    <message>
        <source>Capture to %1 stopped: %2</source>
        <translation>捕获到 %1 已停止：%2</translation>
    </message>
    <message>
        <source>Encoding used to show text; changing it re-renders the whole log. By default the send box&apos;s.</source>
        <translation>显示文本所用的编码；更改后整个日志重新显示。默认与发送框相同。</translation>
    </message>
    <message>
        <source>Log encoding differs</source>
        <translation>日志编码不同</translation>
    </message>
    <message>
        <source>The log shows another encoding than the send box writes in: choose the first entry to follow it again</source>
        <translation>日志显示的编码与发送框所用的编码不同：选择第一项即可重新跟随发送框</translation>
    </message>
    <message>
        <source>As the send box (%1)</source>
        <translation>与发送框相同（%1）</translation>
    </message>
    <message>
        <source>≠ send box (%1)</source>
        <translation>≠ 发送框（%1）</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the whole log as a UTF-8 text file, or as a pcap capture for Wireshark</source>
        <translation>将整个日志保存为 UTF-8 文本文件，或供 Wireshark 使用的 pcap 抓包文件</translation>
    </message>
    <message>
        <source>pcap for Wireshark (*.pcap)</source>
        <translation>供 Wireshark 使用的 pcap (*.pcap)</translation>
    </message>
    <message>
        <source>Encoding used to show text; changing it re-renders the whole log.</source>
        <translation>显示文本所用的编码；更改后整个日志重新显示。</translation>
    </message>
    <message>
        <source>← target</source>
        <translation>← 目标</translation>
    </message>
    <message>
        <source>→ target</source>
        <translation>→ 目标</translation>
    </message>
    <message>
        <source>(unverified)</source>
        <translation>（未验证）</translation>
    </message>
    <message>
        <source>TLS established with %1: %2</source>
        <translation>已与 %1 建立 TLS：%2</translation>
    </message>
    <message>
        <source>Forwarding to target %1 from %2</source>
        <translation>正在从 %2 转发到目标 %1</translation>
    </message>
    <message>
        <source>Connected to target %1 from %2</source>
        <translation>已从 %2 连接到目标 %1</translation>
    </message>
    <message>
        <source>The target ended its stream (FIN), passed on to %1</source>
        <translation>目标已结束发送 (FIN)，已转告 %1</translation>
    </message>
    <message>
        <source>%1 ended its stream (FIN), passed on to the target</source>
        <translation>%1 已结束发送 (FIN)，已转告目标</translation>
    </message>
</context>
<context>
    <name>LogSearchBar</name>
    <message>
        <source>Wrapped around</source>
        <translation>已回绕</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Find in log</source>
        <translation>在日志中查找</translation>
    </message>
    <message>
        <source>Text to find in the log as shown, or hex bytes to find in the received and sent data</source>
        <translation>按显示内容在日志中查找的文本，或在接收和发送数据中查找的十六进制字节</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Find mode</source>
        <translation>查找方式</translation>
    </message>
    <message>
        <source>Text: find in the rows as shown. Hex: find bytes in the raw data, e.g. 01 03</source>
        <translation>文本：在显示的行中查找。十六进制：在原始数据中查找字节，例如 01 03</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>查找上一个</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+Enter, Shift+F3)</source>
        <translation>查找上一个匹配项（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Find the next match (Enter, F3)</source>
        <translation>查找下一个匹配项（Enter、F3）</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>查找结果</translation>
    </message>
    <message>
        <source>RX</source>
        <translation>RX</translation>
    </message>
    <message>
        <source>Show received</source>
        <translation>显示接收</translation>
    </message>
    <message>
        <source>Show received data</source>
        <translation>显示接收的数据</translation>
    </message>
    <message>
        <source>TX</source>
        <translation>TX</translation>
    </message>
    <message>
        <source>Show sent</source>
        <translation>显示发送</translation>
    </message>
    <message>
        <source>Show sent data</source>
        <translation>显示发送的数据</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Show events</source>
        <translation>显示事件</translation>
    </message>
    <message>
        <source>Show connections, disconnections, errors and notes</source>
        <translation>显示连接、断开、错误和提示信息</translation>
    </message>
    <message>
        <source>Show client</source>
        <translation>显示客户端</translation>
    </message>
    <message>
        <source>Show only the records of one client</source>
        <translation>只显示某一个客户端的记录</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>所有客户端</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>Close the find bar and show every record again (Esc)</source>
        <translation>关闭查找栏并重新显示所有记录（Esc）</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示:</translation>
    </message>
    <message>
        <source>Not valid hex</source>
        <translation>不是有效的十六进制</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Receive log</source>
        <translation>接收日志</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>NetAssist — network debugging assistant</source>
        <translation>NetAssist — 网络调试助手</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Restore Defaults</source>
        <translation>恢复默认设置(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About NetAssist</source>
        <translation>关于 NetAssist(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start of NetAssist.</source>
        <translation>新语言将在下次启动 NetAssist 时生效。</translation>
    </message>
    <message>
        <source>About NetAssist</source>
        <translation>关于 NetAssist</translation>
    </message>
    <message>
        <source>New &amp;Tab of This Kind</source>
        <translation>新建同类标签页(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NetAssist %1&lt;/h3&gt;&lt;p&gt;A network debugging assistant: TCP client and server, UDP, text and hex, many encodings, a log that keeps up with any device.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License v3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NetAssist %1&lt;/h3&gt;&lt;p&gt;网络调试助手：TCP 客户端和服务器、UDP，文本与十六进制，多种编码，日志跟得上任何设备。&lt;/p&gt;&lt;p&gt;使用 Qt %2 构建，运行于 Qt %3。&lt;/p&gt;&lt;p&gt;以 GNU 通用公共许可证第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open &amp;Capture…</source>
        <translation>打开抓包文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Read a pcap or pcapng file (tcpdump, Wireshark, NetAssist) and show its conversations</source>
        <translation>读取 pcap 或 pcapng 文件（tcpdump、Wireshark、NetAssist）并显示其中的会话</translation>
    </message>
    <message>
        <source>Open Capture</source>
        <translation>打开抓包文件</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap *.dmp)</source>
        <translation>抓包文件 (*.pcap *.pcapng *.cap *.dmp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>MulticastControl</name>
    <message>
        <source>&amp;Multicast:</source>
        <translation>组播(&amp;M):</translation>
    </message>
    <message>
        <source>Multicast group</source>
        <translation>组播组</translation>
    </message>
    <message>
        <source>A multicast group to join: IPv4 224.0.0.0 to 239.255.255.255, or IPv6 ff00::/8</source>
        <translation>要加入的组播组：IPv4 224.0.0.0 到 239.255.255.255，或 IPv6 ff00::/8</translation>
    </message>
    <message>
        <source>e.g. 239.1.2.3</source>
        <translation>例如 239.1.2.3</translation>
    </message>
    <message>
        <source>Multicast interface</source>
        <translation>组播接口</translation>
    </message>
    <message>
        <source>The network interface to join the group on</source>
        <translation>加入组播组所用的网络接口</translation>
    </message>
    <message>
        <source>Default interface</source>
        <translation>默认接口</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <source>Join multicast group</source>
        <translation>加入组播组</translation>
    </message>
    <message>
        <source>Receive the group&apos;s datagrams on this socket</source>
        <translation>在此套接字上接收该组的数据报</translation>
    </message>
    <message>
        <source>Lea&amp;ve</source>
        <translation>退出(&amp;V)</translation>
    </message>
    <message>
        <source>Leave multicast group</source>
        <translation>退出组播组</translation>
    </message>
    <message>
        <source>Leave the group chosen in the list of joined groups</source>
        <translation>退出在已加入组列表中选中的组</translation>
    </message>
    <message>
        <source>Joined groups</source>
        <translation>已加入的组</translation>
    </message>
    <message>
        <source>The groups this tab has joined</source>
        <translation>此标签页已加入的组</translation>
    </message>
    <message>
        <source>Multicast TTL</source>
        <translation>组播 TTL</translation>
    </message>
    <message>
        <source>TTL (IPv4) or hop limit (IPv6) of datagrams sent to a group; 1 keeps them on the local network</source>
        <translation>发往组播组的数据报的 TTL（IPv4）或跳数限制（IPv6）；1 表示只在本地网络内</translation>
    </message>
    <message>
        <source>TTL </source>
        <translation>TTL </translation>
    </message>
    <message>
        <source>Loopback</source>
        <translation>回环</translation>
    </message>
    <message>
        <source>Multicast loopback</source>
        <translation>组播回环</translation>
    </message>
    <message>
        <source>Datagrams we send to a group also come back to this machine</source>
        <translation>我们发往组播组的数据报也会回到本机</translation>
    </message>
    <message>
        <source>Multicast input error</source>
        <translation>组播输入错误</translation>
    </message>
    <message>
        <source>Not a multicast group: IPv4 224.0.0.0 to 239.255.255.255, IPv6 ff00::/8.</source>
        <translation>不是组播组：IPv4 224.0.0.0 到 239.255.255.255，IPv6 ff00::/8。</translation>
    </message>
    <message>
        <source>Bind first</source>
        <translation>请先绑定</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>no group joined</source>
        <translation>未加入任何组</translation>
    </message>
</context>
<context>
    <name>PayloadOptionsBar</name>
    <message>
        <source>Send mode</source>
        <translation>发送模式</translation>
    </message>
    <message>
        <source>Text: the text is encoded in the chosen encoding. Hex: bytes written as hex digits.</source>
        <translation>文本：按所选编码将文本转换为字节。十六进制：以十六进制数字书写的字节。</translation>
    </message>
    <message>
        <source>Send encoding</source>
        <translation>发送编码</translation>
    </message>
    <message>
        <source>The encoding that turns the text into bytes</source>
        <translation>将文本转换为字节所用的编码</translation>
    </message>
    <message>
        <source>&amp;Escapes \r \n \xNN</source>
        <translation>转义 \r \n \xNN(&amp;E)</translation>
    </message>
    <message>
        <source>Escapes</source>
        <translation>转义</translation>
    </message>
    <message>
        <source>Read \r \n \t \\ \0 and \xNN (a raw byte) as escapes. Text mode only.</source>
        <translation>将 \r \n \t \\ \0 和 \xNN（原始字节）解释为转义序列。仅适用于文本模式。</translation>
    </message>
    <message>
        <source>Line ending</source>
        <translation>行尾</translation>
    </message>
    <message>
        <source>Appended after the payload, before the checksum</source>
        <translation>附加在数据之后、校验和之前</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Appended at the end, computed over all the bytes before it</source>
        <translation>附加在末尾，按其之前的所有字节计算</translation>
    </message>
    <message>
        <source>Checksum byte order</source>
        <translation>校验和字节序</translation>
    </message>
    <message>
        <source>Byte order of a multi-byte checksum (Modbus RTU sends the low byte first)</source>
        <translation>多字节校验和的字节序（Modbus RTU 先发送低字节）</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M):</translation>
    </message>
    <message>
        <source>E&amp;ncoding:</source>
        <translation>编码(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Line ending:</source>
        <translation>行尾(&amp;L):</translation>
    </message>
    <message>
        <source>Chec&amp;ksum:</source>
        <translation>校验和(&amp;K):</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Big-endian</source>
        <translation>大端</translation>
    </message>
    <message>
        <source>Little-endian</source>
        <translation>小端</translation>
    </message>
</context>
<context>
    <name>PayloadPreview</name>
    <message>
        <source>Bytes to send</source>
        <translation>待发送字节</translation>
    </message>
    <message>
        <source>The exact bytes Send writes, in hex</source>
        <translation>点击“发送”时实际写出的字节（十六进制）</translation>
    </message>
    <message>
        <source>Byte count</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>Number of bytes Send writes, checksum and line ending included</source>
        <translation>点击“发送”时写出的字节数，含校验和与行尾</translation>
    </message>
    <message>
        <source>Why the data cannot be sent</source>
        <translation>数据无法发送的原因</translation>
    </message>
    <message>
        <source>Note about the data to send</source>
        <translation>关于待发送数据的提示</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Too large for one datagram: %1 bytes, at most %2 reach this destination in one.</source>
        <translation>超出单个数据报的大小：%1 字节，发往此目标的单个数据报最多 %2 字节。</translation>
    </message>
    <message>
        <source>Over %1 bytes: the datagram is split into IP fragments on an Ethernet path, and some devices drop fragments.</source>
        <translation>超过 %1 字节：数据报在以太网路径上会被拆分为 IP 分片，有些设备会丢弃分片。</translation>
    </message>
    <message numerus="yes">
        <source>… (%n byte(s))</source>
        <translation>
            <numerusform>…（%n 字节）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeerTableModel</name>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <source>Connected at</source>
        <translation>连接时间</translation>
    </message>
    <message>
        <source>RX bytes</source>
        <translation>接收字节</translation>
    </message>
    <message>
        <source>TX bytes</source>
        <translation>发送字节</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近出现</translation>
    </message>
    <message>
        <source>RX datagrams</source>
        <translation>接收数据报</translation>
    </message>
    <message>
        <source>TX datagrams</source>
        <translation>发送数据报</translation>
    </message>
    <message>
        <source>handshaking…</source>
        <translation>正在握手…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation>加密套件</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>looking up target…</source>
        <translation>正在解析目标…</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已连通</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>正在关闭</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>上游</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>client ended (FIN)</source>
        <translation>客户端已结束 (FIN)</translation>
    </message>
    <message>
        <source>target ended (FIN)</source>
        <translation>目标已结束 (FIN)</translation>
    </message>
</context>
<context>
    <name>QuickCommandDialog</name>
    <message>
        <source>Quick Command</source>
        <translation>快捷指令</translation>
    </message>
    <message>
        <source>Command name</source>
        <translation>指令名称</translation>
    </message>
    <message>
        <source>The name shown in the quick command list</source>
        <translation>在快捷指令列表中显示的名称</translation>
    </message>
    <message>
        <source>Command data</source>
        <translation>指令数据</translation>
    </message>
    <message>
        <source>The text or hex bytes to send, read with the options above</source>
        <translation>要发送的文本或十六进制字节，按上方的选项解析</translation>
    </message>
    <message>
        <source>Bytes the command sends</source>
        <translation>指令发送的字节</translation>
    </message>
    <message>
        <source>The exact bytes this command sends, in hex</source>
        <translation>此指令实际发送的字节（十六进制）</translation>
    </message>
    <message>
        <source>Why the command cannot be saved</source>
        <translation>指令无法保存的原因</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>Give the command a name.</source>
        <translation>请为指令命名。</translation>
    </message>
    <message>
        <source>%1  (%2 bytes)</source>
        <translation>%1  (%2 字节)</translation>
    </message>
</context>
<context>
    <name>QuickCommandsPanel</name>
    <message>
        <source>Quick commands (*.json);;All files (*)</source>
        <translation>快捷指令 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Quick commands</source>
        <translation>快捷指令</translation>
    </message>
    <message>
        <source>Named payloads: double-click, Return or Ctrl+1..Ctrl+9 sends one</source>
        <translation>已命名的发送数据：双击、按 Return 或 Ctrl+1..Ctrl+9 即可发送</translation>
    </message>
    <message>
        <source>Quick command message</source>
        <translation>快捷指令消息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the selected command (double-click, Return)</source>
        <translation>发送选中的指令（双击、Return）</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add the send box&apos;s text and options as a command</source>
        <translation>将发送框中的文本和选项添加为指令</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Change the selected command&apos;s name, data or options</source>
        <translation>修改选中指令的名称、数据或选项</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected command</source>
        <translation>删除选中的指令</translation>
    </message>
    <message>
        <source>Move the selected command up</source>
        <translation>上移选中的指令</translation>
    </message>
    <message>
        <source>Move the selected command down</source>
        <translation>下移选中的指令</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add the commands of a quick command file</source>
        <translation>添加快捷指令文件中的指令</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save these commands to a file to share them</source>
        <translation>将这些指令保存到文件，以便共享</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>“%1” cannot be sent: %2</source>
        <translation>“%1”无法发送：%2</translation>
    </message>
    <message>
        <source>Add Quick Command</source>
        <translation>添加快捷指令</translation>
    </message>
    <message>
        <source>Edit Quick Command</source>
        <translation>编辑快捷指令</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a JSON file (%2).</source>
        <translation>%1 不是 JSON 文件（%2）。</translation>
    </message>
    <message>
        <source>%1 is not a quick command file.</source>
        <translation>%1 不是快捷指令文件。</translation>
    </message>
    <message>
        <source>%1 was written by a newer NetAssist.</source>
        <translation>%1 由更新版本的 NetAssist 写入。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Import Quick Commands</source>
        <translation>导入快捷指令</translation>
    </message>
    <message>
        <source>Export Quick Commands</source>
        <translation>导出快捷指令</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>%1
%2
%3</source>
        <translation>%1
%2
%3</translation>
    </message>
    <message>
        <source>No commands yet: Add… keeps the send box&apos;s data and options under a name.</source>
        <translation>还没有快捷指令：“添加…”会把发送框的内容和选项以一个名称保存下来。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n command(s).</source>
        <translation>
            <numerusform>已导入 %n 条指令。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 of %n command(s); the others were here already.</source>
        <translation>
            <numerusform>已导入 %n 条中的 %1 条指令；其余的已经存在。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quick commands of</source>
        <translation>快捷命令来自</translation>
    </message>
    <message>
        <source>This tab&apos;s own commands, or the list every tab shares</source>
        <translation>本标签页自己的命令，或所有标签页共用的列表</translation>
    </message>
    <message>
        <source>This tab</source>
        <translation>本标签页</translation>
    </message>
    <message>
        <source>All tabs</source>
        <translation>所有标签页</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n command(s).</source>
        <translation>
            <numerusform>已导出 %n 条命令。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiveOptions</name>
    <message>
        <source>Framing:</source>
        <translation>分帧:</translation>
    </message>
    <message>
        <source>Framing</source>
        <translation>分帧</translation>
    </message>
    <message>
        <source>How received bytes are grouped into log rows: TCP itself keeps no message boundaries</source>
        <translation>接收的字节如何分组为日志行：TCP 本身不保留消息边界</translation>
    </message>
    <message>
        <source>Per read</source>
        <translation>每次读取</translation>
    </message>
    <message>
        <source>Idle gap</source>
        <translation>空闲间隔</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Fixed length</source>
        <translation>固定长度</translation>
    </message>
    <message>
        <source>A frame ends when nothing more arrived for this long</source>
        <translation>超过此时长没有新数据到达时，一帧结束</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>The bytes that end a frame</source>
        <translation>标志一帧结束的字节</translation>
    </message>
    <message>
        <source>LF (\n)</source>
        <translation>LF (\n)</translation>
    </message>
    <message>
        <source>CR (\r)</source>
        <translation>CR (\r)</translation>
    </message>
    <message>
        <source>CRLF (\r\n)</source>
        <translation>CRLF (\r\n)</translation>
    </message>
    <message>
        <source>Custom hex</source>
        <translation>自定义十六进制</translation>
    </message>
    <message>
        <source>Custom delimiter</source>
        <translation>自定义分隔符</translation>
    </message>
    <message>
        <source>The delimiter as hex bytes, e.g. 7E or 0D 0A</source>
        <translation>以十六进制字节表示的分隔符，例如 7E 或 0D 0A</translation>
    </message>
    <message>
        <source>hex, e.g. 7E</source>
        <translation>十六进制，例如 7E</translation>
    </message>
    <message>
        <source>Frame length</source>
        <translation>帧长度</translation>
    </message>
    <message>
        <source>Every frame is this many bytes</source>
        <translation>每帧固定为此字节数</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>Each datagram</source>
        <translation>每个数据报</translation>
    </message>
    <message>
        <source>Every datagram is one record: a datagram already is a message</source>
        <translation>每个数据报就是一条记录：数据报本身就是一条消息</translation>
    </message>
</context>
<context>
    <name>RelayFaultsPanel</name>
    <message>
        <source>&amp;Delay:</source>
        <translation>延迟(&amp;D)：</translation>
    </message>
    <message>
        <source>Delay of every chunk</source>
        <translation>每个数据块的延迟</translation>
    </message>
    <message>
        <source>Every chunk is forwarded this much later; 0: off</source>
        <translation>每个数据块都延迟这么久再转发；0：关闭</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>限速(&amp;L)：</translation>
    </message>
    <message>
        <source>Throughput limit</source>
        <translation>吞吐量限制</translation>
    </message>
    <message>
        <source>At most this many KiB per second; 0: no limit</source>
        <translation>每秒最多这么多 KiB；0：不限</translation>
    </message>
    <message>
        <source> KiB/s</source>
        <translation> KiB/秒</translation>
    </message>
    <message>
        <source>S&amp;plit into:</source>
        <translation>拆分为(&amp;P)：</translation>
    </message>
    <message>
        <source>Largest write</source>
        <translation>最大写入</translation>
    </message>
    <message>
        <source>Writes of at most this many bytes, so the receiver reads the data in pieces; 0: off</source>
        <translation>每次最多写入这么多字节，使接收方分片读取数据；0：关闭</translation>
    </message>
    <message>
        <source> B</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>&amp;Gap:</source>
        <translation>间隔(&amp;G)：</translation>
    </message>
    <message>
        <source>Gap between pieces</source>
        <translation>分片之间的间隔</translation>
    </message>
    <message>
        <source>Time between two pieces of a split write</source>
        <translation>拆分写入的两个分片之间的时间</translation>
    </message>
    <message>
        <source>&amp;Cut after:</source>
        <translation>断开于(&amp;C)：</translation>
    </message>
    <message>
        <source>Cut the connection after this many bytes</source>
        <translation>在这么多字节后断开连接</translation>
    </message>
    <message>
        <source>After this many bytes in this direction the pair is cut; 0: never</source>
        <translation>此方向上传输这么多字节后断开该连接对；0：从不</translation>
    </message>
    <message>
        <source>How to cut</source>
        <translation>断开方式</translation>
    </message>
    <message>
        <source>Close both connections (FIN), or reset them (RST) as a crash or a firewall would</source>
        <translation>关闭两端连接（FIN），或像崩溃或防火墙那样重置它们（RST）</translation>
    </message>
    <message>
        <source>Close (FIN)</source>
        <translation>关闭（FIN）</translation>
    </message>
    <message>
        <source>Reset (RST)</source>
        <translation>重置（RST）</translation>
    </message>
    <message>
        <source>Cut &amp;by:</source>
        <translation>断开方式(&amp;B)：</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Delay of every datagram</source>
        <translation>每个数据报的延迟</translation>
    </message>
    <message>
        <source>Every datagram is forwarded this much later; 0: off</source>
        <translation>每个数据报都延迟这么久再转发；0：关闭</translation>
    </message>
    <message>
        <source>D&amp;rop:</source>
        <translation>丢弃(&amp;R)：</translation>
    </message>
    <message>
        <source>Share of datagrams dropped</source>
        <translation>丢弃的数据报比例</translation>
    </message>
    <message>
        <source>Drop this share of the datagrams, chosen at random; each drop is noted in the log; 0: off</source>
        <translation>随机丢弃这一比例的数据报；每次丢弃都会记入日志；0：关闭</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
</context>
<context>
    <name>RelayPage</name>
    <message>
        <source>Relay state</source>
        <translation>转发状态</translation>
    </message>
    <message>
        <source>Input error</source>
        <translation>输入错误</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>The local address the device (or program) connects to</source>
        <translation>设备（或程序）要连接的本地地址</translation>
    </message>
    <message>
        <source>Listen &amp;on:</source>
        <translation>监听于(&amp;O)：</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <source>Port to listen on, 0 to 65535 (0: the system chooses a free port)</source>
        <translation>要监听的端口，0 到 65535（0：由系统选择空闲端口）</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Where every accepted connection is forwarded: HOST:PORT, e.g. 192.168.1.5:502 or [::1]:8000</source>
        <translation>每个接受的连接转发到哪里：HOST:PORT，例如 192.168.1.5:502 或 [::1]:8000</translation>
    </message>
    <message>
        <source>&amp;Forward to:</source>
        <translation>转发到(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>监听(&amp;L)</translation>
    </message>
    <message>
        <source>Start or stop the relay</source>
        <translation>启动或停止转发</translation>
    </message>
    <message>
        <source>Listen and forward every connection to the target, or stop and close every pair</source>
        <translation>监听并把每个连接转发到目标，或停止并关闭所有连接对</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>连接对</translation>
    </message>
    <message>
        <source>Relayed connections</source>
        <translation>转发的连接</translation>
    </message>
    <message>
        <source>Send target</source>
        <translation>发送目标</translation>
    </message>
    <message>
        <source>Inject the send box&apos;s data towards the client side or the target side of the pairs</source>
        <translation>将发送框的数据注入到连接对的客户端一侧或目标一侧</translation>
    </message>
    <message>
        <source>Client side, all pairs</source>
        <translation>客户端一侧，所有连接对</translation>
    </message>
    <message>
        <source>Target side, all pairs</source>
        <translation>目标一侧，所有连接对</translation>
    </message>
    <message>
        <source>Client side, selected pairs</source>
        <translation>客户端一侧，选中的连接对</translation>
    </message>
    <message>
        <source>Target side, selected pairs</source>
        <translation>目标一侧，选中的连接对</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>发送到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>Disconnect the selected pairs</source>
        <translation>断开选中的连接对</translation>
    </message>
    <message>
        <source>Close both connections of the selected pairs</source>
        <translation>关闭选中连接对的两端连接</translation>
    </message>
    <message>
        <source>Faults, client → target</source>
        <translation>故障注入，客户端 → 目标</translation>
    </message>
    <message>
        <source>Faults, target → client</source>
        <translation>故障注入，目标 → 客户端</translation>
    </message>
    <message>
        <source>Relay :%1</source>
        <translation>转发 :%1</translation>
    </message>
    <message>
        <source>Relay :%1 → %2</source>
        <translation>转发 :%1 → %2</translation>
    </message>
    <message>
        <source>Port: %1</source>
        <translation>端口：%1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Relaying %1 → %2</source>
        <translation>正在转发 %1 → %2</translation>
    </message>
    <message>
        <source>Not relaying: %1</source>
        <translation>未在转发：%1</translation>
    </message>
    <message>
        <source>Not relaying</source>
        <translation>未在转发</translation>
    </message>
    <message>
        <source>Where every client&apos;s datagrams are forwarded: HOST:PORT, e.g. 192.168.1.5:5683 or [::1]:9000</source>
        <translation>每个客户端的数据报转发到哪里：HOST:PORT，例如 192.168.1.5:5683 或 [::1]:9000</translation>
    </message>
    <message>
        <source>One row per client: its endpoint, since when, bytes it sent (RX) and bytes the target sent (TX), our end of its upstream connection and its state</source>
        <translation>每个客户端一行：它的地址、开始时间、它发送的字节数（RX）和目标发送的字节数（TX）、上游连接的本端地址及其状态</translation>
    </message>
    <message>
        <source>Idle time before a pair is forgotten</source>
        <translation>连接对被遗忘前的空闲时间</translation>
    </message>
    <message>
        <source>A pair nobody has sent on for this long is forgotten and its upstream socket closed; the client&apos;s next datagram makes a new pair. 0: never</source>
        <translation>这么久没有任何一方发送数据的连接对会被遗忘，其上游套接字关闭；该客户端的下一个数据报会建立新的连接对。0：永不</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>UDP Relay :%1</source>
        <translation>UDP 转发 :%1</translation>
    </message>
    <message>
        <source>UDP Relay :%1 → %2</source>
        <translation>UDP 转发 :%1 → %2</translation>
    </message>
    <message>
        <source>Forget pairs &amp;idle for:</source>
        <translation>连接对空闲多久后遗忘(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>RelayText</name>
    <message>
        <source>delay %1 ms</source>
        <translation>延迟 %1 毫秒</translation>
    </message>
    <message>
        <source>limit %1 KiB/s</source>
        <translation>限速 %1 KiB/秒</translation>
    </message>
    <message>
        <source>split %1 B / %2 ms</source>
        <translation>拆分 %1 字节 / %2 毫秒</translation>
    </message>
    <message>
        <source>reset after %1 B</source>
        <translation>%1 字节后重置</translation>
    </message>
    <message>
        <source>close after %1 B</source>
        <translation>%1 字节后关闭</translation>
    </message>
    <message>
        <source>drop %1% of datagrams</source>
        <translation>丢弃 %1% 的数据报</translation>
    </message>
    <message>
        <source>no faults</source>
        <translation>无故障</translation>
    </message>
    <message numerus="yes">
        <source>closed after %n byte(s)</source>
        <translation>
            <numerusform>%n 字节后已关闭</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reset after %n byte(s)</source>
        <translation>
            <numerusform>%n 字节后已重置</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dropped a datagram of %n byte(s)</source>
        <translation>
            <numerusform>丢弃了一个 %n 字节的数据报</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>queue full: dropped a datagram of %n byte(s)</source>
        <translation>
            <numerusform>队列已满：丢弃了一个 %n 字节的数据报</numerusform>
        </translation>
    </message>
    <message>
        <source>Fault, client → target: %1</source>
        <translation>故障，客户端 → 目标：%1</translation>
    </message>
    <message>
        <source>Fault, target → client: %1</source>
        <translation>故障，目标 → 客户端：%1</translation>
    </message>
</context>
<context>
    <name>RunCommand</name>
    <message>
        <source>Try &apos;netassist run --help&apos; for more information.</source>
        <translation>运行 &apos;netassist run --help&apos; 查看更多信息。</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Runs a sequence of send and expect steps against a device without a window, prints one line per step and a summary, and exits with 0 when every step passed, 1 when one failed (or the device could not be reached), 2 on bad input.</source>
        <translation>无需窗口，对设备运行一个由发送和期望步骤组成的序列，每个步骤打印一行并给出汇总；全部步骤通过时退出码为 0，有步骤失败（或无法连接设备）时为 1，输入有误时为 2。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Connect to this TCP target, e.g. 192.168.1.10:502 or [::1]:8000.</source>
        <translation>连接到此 TCP 目标，例如 192.168.1.10:502 或 [::1]:8000。</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <source>Listen on this TCP port (and address) and run with the first client that connects.</source>
        <translation>在此 TCP 端口（和地址）上监听，并对第一个连接的客户端运行。</translation>
    </message>
    <message>
        <source>[ADDRESS:]PORT</source>
        <translation>[地址:]端口</translation>
    </message>
    <message>
        <source>Bind a UDP socket to this port (and address).</source>
        <translation>将 UDP 套接字绑定到此端口（和地址）。</translation>
    </message>
    <message>
        <source>With --udp: send to this target (without it, to the first endpoint that sends a datagram).</source>
        <translation>与 --udp 一起使用：发送到此目标（不指定时，发送到第一个发来数据报的端点）。</translation>
    </message>
    <message>
        <source>Also write the results as JUnit XML to FILE.</source>
        <translation>同时将结果以 JUnit XML 格式写入 FILE。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>How long to wait for the connection, the first client or the first datagram (default 30).</source>
        <translation>等待连接、第一个客户端或第一个数据报的时长（默认 30）。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>The command: run a sequence.</source>
        <translation>命令：运行一个序列。</translation>
    </message>
    <message>
        <source>The sequence file (JSON).</source>
        <translation>序列文件（JSON）。</translation>
    </message>
    <message>
        <source>SEQUENCE.json</source>
        <translation>序列.json</translation>
    </message>
    <message>
        <source>Which sequence? Write netassist run SEQUENCE.json --client HOST:PORT.</source>
        <translation>要运行哪个序列？请写 netassist run SEQUENCE.json --client HOST:PORT。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>Give exactly one of --client HOST:PORT, --server [ADDRESS:]PORT, --udp [ADDRESS:]PORT.</source>
        <translation>请恰好指定 --client HOST:PORT、--server [ADDRESS:]PORT、--udp [ADDRESS:]PORT 之一。</translation>
    </message>
    <message>
        <source>--to is for --udp.</source>
        <translation>--to 只能与 --udp 一起使用。</translation>
    </message>
    <message>
        <source>listen on an IP address of this machine, not a host name</source>
        <translation>请监听本机的 IP 地址，而不是主机名</translation>
    </message>
    <message>
        <source>--junit needs a file name.</source>
        <translation>--junit 需要一个文件名。</translation>
    </message>
    <message>
        <source>--wait %1: a number of seconds from 0.001 to 86400.</source>
        <translation>--wait %1：应为 0.001 到 86400 之间的秒数。</translation>
    </message>
</context>
<context>
    <name>SendHistory</name>
    <message>
        <source>Send history</source>
        <translation>发送历史</translation>
    </message>
    <message>
        <source>Recently sent data, newest first: choose one to restore its text and options</source>
        <translation>最近发送的数据，最新的在前：选择一项即可恢复其文本和选项</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <source>&amp;Quick commands</source>
        <translation>快捷指令(&amp;Q)</translation>
    </message>
    <message>
        <source>Show quick commands</source>
        <translation>显示快捷指令</translation>
    </message>
    <message>
        <source>Show or hide the list of named payloads</source>
        <translation>显示或隐藏已命名发送数据的列表</translation>
    </message>
    <message>
        <source>Data to send</source>
        <translation>待发送数据</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends; Ctrl+Up and Ctrl+Down walk through the history</source>
        <translation>Ctrl+Enter 发送；Ctrl+Up 和 Ctrl+Down 浏览发送历史</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Hex bytes, e.g. 01 03 00 00 00 0A</source>
        <translation>十六进制字节，例如 01 03 00 00 00 0A</translation>
    </message>
    <message>
        <source>Text to send</source>
        <translation>要发送的文本</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Send these bytes (Ctrl+Enter)</source>
        <translation>发送这些字节（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>SequencePanel</name>
    <message>
        <source>NetAssist sequences (*.json);;All files (*)</source>
        <translation>NetAssist 序列 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Sequence name</source>
        <translation>序列名称</translation>
    </message>
    <message>
        <source>The sequence&apos;s name: the JUnit suite name when it runs headless</source>
        <translation>序列的名称：无窗口运行时作为 JUnit 测试套件名</translation>
    </message>
    <message>
        <source>Stop on failure</source>
        <translation>失败即停止</translation>
    </message>
    <message>
        <source>Stop at the first failure</source>
        <translation>在第一个失败处停止</translation>
    </message>
    <message>
        <source>End the run at the first failed step, or report it and go on</source>
        <translation>在第一个失败的步骤处结束运行，或报告后继续</translation>
    </message>
    <message>
        <source>Sequence steps</source>
        <translation>序列步骤</translation>
    </message>
    <message>
        <source>The steps, in order: what each does, its problem or its last result, and its response time</source>
        <translation>按顺序列出的步骤：每步做什么、它的问题或上次结果，以及响应时间</translation>
    </message>
    <message>
        <source>Selected step&apos;s result</source>
        <translation>选中步骤的结果</translation>
    </message>
    <message>
        <source>What the selected step did</source>
        <translation>选中步骤的执行情况</translation>
    </message>
    <message>
        <source>Sequence state</source>
        <translation>序列状态</translation>
    </message>
    <message>
        <source>Why Run is unavailable, or the run&apos;s progress</source>
        <translation>无法运行的原因，或运行进度</translation>
    </message>
    <message>
        <source>Run summary</source>
        <translation>运行汇总</translation>
    </message>
    <message>
        <source>Passed, failed, response times</source>
        <translation>通过、失败、响应时间</translation>
    </message>
    <message>
        <source>Sequence message</source>
        <translation>序列消息</translation>
    </message>
    <message>
        <source>The last import or export</source>
        <translation>上一次导入或导出</translation>
    </message>
    <message>
        <source>Running step %1 (iteration %2)…</source>
        <translation>正在运行第 %1 步（第 %2 次）…</translation>
    </message>
    <message>
        <source>Running step %1…</source>
        <translation>正在运行第 %1 步…</translation>
    </message>
    <message>
        <source>Paused: Step once runs the next step, Run goes on, Stop ends the run.</source>
        <translation>已暂停：“单步”运行下一步，“运行”继续，“停止”结束运行。</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Add a step after the selected one</source>
        <translation>在选中步骤之后添加一步</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Expect</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Repeat block</source>
        <translation>重复块</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Duplicate step</source>
        <translation>复制步骤</translation>
    </message>
    <message>
        <source>Copy the selected step</source>
        <translation>复制选中的步骤</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Delete the selected step</source>
        <translation>删除选中的步骤</translation>
    </message>
    <message>
        <source>Move step up</source>
        <translation>上移步骤</translation>
    </message>
    <message>
        <source>Move the selected step up</source>
        <translation>将选中的步骤上移</translation>
    </message>
    <message>
        <source>Move step down</source>
        <translation>下移步骤</translation>
    </message>
    <message>
        <source>Move the selected step down</source>
        <translation>将选中的步骤下移</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Open a sequence file</source>
        <translation>打开序列文件</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the sequence to a file (also for netassist run)</source>
        <translation>将序列保存到文件（也可用于 netassist run）</translation>
    </message>
    <message>
        <source>Import sequence</source>
        <translation>导入序列</translation>
    </message>
    <message>
        <source>sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Export sequence</source>
        <translation>导出序列</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run sequence</source>
        <translation>运行序列</translation>
    </message>
    <message>
        <source>Run the steps over this tab&apos;s connection (goes on when paused)</source>
        <translation>通过本标签页的连接运行这些步骤（暂停时继续）</translation>
    </message>
    <message>
        <source>Step once</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Run the next step only, then pause</source>
        <translation>只运行下一步，然后暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop sequence</source>
        <translation>停止序列</translation>
    </message>
    <message>
        <source>End the run</source>
        <translation>结束运行</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n step(s) from %1.</source>
        <translation>
            <numerusform>已从 %1 导入 %n 个步骤。</numerusform>
        </translation>
    </message>
    <message>
        <source>The tab&apos;s framing is now the file&apos;s.</source>
        <translation>本标签页的分帧已改为文件中的设置。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>the remote target</source>
        <translation>远程目标</translation>
    </message>
    <message>
        <source>Add a step to run.</source>
        <translation>请添加要运行的步骤。</translation>
    </message>
    <message>
        <source>Step %1 cannot run: %2</source>
        <translation>第 %1 步无法运行：%2</translation>
    </message>
    <message>
        <source>Connect first.</source>
        <translation>请先连接。</translation>
    </message>
    <message>
        <source>Start listening and wait for a client.</source>
        <translation>请开始监听并等待客户端。</translation>
    </message>
    <message>
        <source>Bind first.</source>
        <translation>请先绑定。</translation>
    </message>
    <message>
        <source>No client connected yet.</source>
        <translation>还没有客户端连接。</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>Several clients: select the one to talk to in the client table.</source>
        <translation>有多个客户端：请在客户端列表中选择要对话的那一个。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Running with %1…</source>
        <translation>正在与 %1 运行…</translation>
    </message>
    <message>
        <source>So far: %1</source>
        <translation>目前：%1</translation>
    </message>
    <message>
        <source>Passed: %1</source>
        <translation>通过：%1</translation>
    </message>
    <message>
        <source>Failed (%1): %2</source>
        <translation>失败（%1）：%2</translation>
    </message>
    <message>
        <source>Run %1.</source>
        <translation>运行%1。</translation>
    </message>
    <message>
        <source>Step numbers</source>
        <translation>步骤编号</translation>
    </message>
</context>
<context>
    <name>SequenceText</name>
    <message>
        <source>send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>expect</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>end repeat</source>
        <translation>结束重复</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>开头为</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>matches the regex</source>
        <translation>匹配正则表达式</translation>
    </message>
    <message>
        <source>matches the hex pattern</source>
        <translation>匹配十六进制模式</translation>
    </message>
    <message>
        <source>hex %1</source>
        <translation>十六进制 %1</translation>
    </message>
    <message>
        <source>send %1 to every peer</source>
        <translation>向所有对端发送 %1</translation>
    </message>
    <message>
        <source>send %1</source>
        <translation>发送 %1</translation>
    </message>
    <message>
        <source>expect a frame that %1 %2 within %3 ms</source>
        <translation>期望 %3 毫秒内收到一帧，其%1 %2</translation>
    </message>
    <message>
        <source>wait %1 ms</source>
        <translation>等待 %1 毫秒</translation>
    </message>
    <message numerus="yes">
        <source>repeat %n time(s)</source>
        <translation>
            <numerusform>重复 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>end of the repeated steps</source>
        <translation>重复步骤结束</translation>
    </message>
    <message>
        <source>no frame arrived in time</source>
        <translation>未按时收到帧</translation>
    </message>
    <message>
        <source>the frame is not the expected one</source>
        <translation>收到的帧与期望不符</translation>
    </message>
    <message>
        <source>the frame&apos;s checksum is wrong</source>
        <translation>帧的校验和错误</translation>
    </message>
    <message>
        <source>the connection is closed</source>
        <translation>连接已关闭</translation>
    </message>
    <message>
        <source>nothing was sent: no peer to send to</source>
        <translation>未发送：没有可发送的对端</translation>
    </message>
    <message>
        <source>the payload cannot be built</source>
        <translation>无法生成要发送的数据</translation>
    </message>
    <message>
        <source>the pattern is invalid</source>
        <translation>模式无效</translation>
    </message>
    <message>
        <source>byte %1 is %2, expected %3</source>
        <translation>第 %1 字节为 %2，期望 %3</translation>
    </message>
    <message>
        <source>the frame ends at byte %1, expected %2 there</source>
        <translation>帧在第 %1 字节结束，该处期望 %2</translation>
    </message>
    <message>
        <source>the frame ends at byte %1, too short</source>
        <translation>帧在第 %1 字节结束，太短</translation>
    </message>
    <message>
        <source>the frame goes on at byte %1 (%2), longer than expected</source>
        <translation>帧在第 %1 字节（%2）处仍有数据，比期望的长</translation>
    </message>
    <message>
        <source>not found from byte %1 on</source>
        <translation>从第 %1 字节起未找到</translation>
    </message>
    <message>
        <source>not found in the frame</source>
        <translation>帧中未找到</translation>
    </message>
    <message>
        <source>checksum at byte %1 is %2, computed %3</source>
        <translation>第 %1 字节处的校验和为 %2，计算值为 %3</translation>
    </message>
    <message>
        <source>(no bytes)</source>
        <translation>（无字节）</translation>
    </message>
    <message numerus="yes">
        <source>%1 … (%n byte(s))</source>
        <translation>
            <numerusform>%1 …（共 %n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>stopped before it finished</source>
        <translation>未完成即停止</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) to %1</source>
        <translation>
            <numerusform>%n 字节发往 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s)</source>
        <translation>
            <numerusform>%n 个对端</numerusform>
        </translation>
    </message>
    <message>
        <source>matched after %1</source>
        <translation>%1 后匹配</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <source>waited %1</source>
        <translation>已等待 %1</translation>
    </message>
    <message>
        <source>no frame within %1 ms</source>
        <translation>%1 毫秒内未收到帧</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>用时 %1</translation>
    </message>
    <message>
        <source>frame: %1</source>
        <translation>帧：%1</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped at the first failure</source>
        <translation>在第一个失败处停止</translation>
    </message>
    <message>
        <source>ended: the connection closed</source>
        <translation>已结束：连接已关闭</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed, %3 skipped</source>
        <translation>%1 通过，%2 失败，%3 跳过</translation>
    </message>
    <message>
        <source>, %1 stopped</source>
        <translation>，%1 停止</translation>
    </message>
    <message>
        <source>response min %1 / median %2 / max %3</source>
        <translation>响应时间 最小 %1 / 中位数 %2 / 最大 %3</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) dropped (queue full)</source>
        <translation>
            <numerusform>丢弃 %n 帧（队列已满）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) not expected by any step</source>
        <translation>
            <numerusform>%n 帧没有步骤期望</numerusform>
        </translation>
    </message>
    <message>
        <source>the hex pattern is empty</source>
        <translation>十六进制模式为空</translation>
    </message>
    <message>
        <source>odd number of hex digits at column %1 (write 0A, not A)</source>
        <translation>第 %1 列的十六进制位数为奇数（应写 0A，而不是 A）</translation>
    </message>
    <message>
        <source>column %1 is not a hex digit, ??, ?, or ..</source>
        <translation>第 %1 列不是十六进制数字、??、? 或 ..</translation>
    </message>
    <message>
        <source>not valid JSON (%1)</source>
        <translation>不是有效的 JSON（%1）</translation>
    </message>
    <message>
        <source>not a NetAssist sequence (&quot;format&quot; must be &quot;netassist-sequence&quot;)</source>
        <translation>不是 NetAssist 序列（&quot;format&quot; 必须为 &quot;netassist-sequence&quot;）</translation>
    </message>
    <message>
        <source>written by a newer NetAssist (this one reads version %1)</source>
        <translation>由更新版本的 NetAssist 写入（此版本只能读取版本 %1）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>unknown field (misspelt?)</source>
        <translation>未知字段（拼写错误？）</translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation>类型错误</translation>
    </message>
    <message>
        <source>not one of the accepted values</source>
        <translation>不是可接受的值之一</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>unknown step (send, expect, wait, repeat, end-repeat)</source>
        <translation>未知步骤（send、expect、wait、repeat、end-repeat）</translation>
    </message>
    <message>
        <source>the pattern is empty</source>
        <translation>模式为空</translation>
    </message>
    <message>
        <source>bad regular expression at column %1 (%2)</source>
        <translation>第 %1 列的正则表达式有误（%2）</translation>
    </message>
    <message>
        <source>this encoding is not available</source>
        <translation>此编码不可用</translation>
    </message>
    <message>
        <source>a repeat and its end-repeat do not pair up</source>
        <translation>repeat 与 end-repeat 不配对</translation>
    </message>
    <message>
        <source>a repeat inside a repeat (blocks do not nest)</source>
        <translation>repeat 中又有 repeat（重复块不能嵌套）</translation>
    </message>
</context>
<context>
    <name>SequenceWordsModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (does not run)</source>
        <translation>%1（不运行）</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <source>%1 (iteration %2)</source>
        <translation>%1（第 %2 次）</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Listen &amp;on:</source>
        <translation>监听地址(&amp;O):</translation>
    </message>
    <message>
        <source>The local address to accept connections on</source>
        <translation>接受连接的本地地址</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P):</translation>
    </message>
    <message>
        <source>Port to listen on, 0 to 65535 (0: the system chooses a free port)</source>
        <translation>要监听的端口，0 到 65535（0：由系统选择空闲端口）</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <source>8000</source>
        <translation>8000</translation>
    </message>
    <message>
        <source>&amp;Max clients:</source>
        <translation>最大客户端数(&amp;M):</translation>
    </message>
    <message>
        <source>Clients beyond this number are refused; 0 means no limit</source>
        <translation>超出此数量的客户端将被拒绝；0 表示不限制</translation>
    </message>
    <message>
        <source>Maximum number of clients</source>
        <translation>最大客户端数</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>监听(&amp;L)</translation>
    </message>
    <message>
        <source>Start or stop listening</source>
        <translation>开始或停止监听</translation>
    </message>
    <message>
        <source>Server state</source>
        <translation>服务器状态</translation>
    </message>
    <message>
        <source>Input error</source>
        <translation>输入错误</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Connected clients</source>
        <translation>已连接的客户端</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>发送到(&amp;T):</translation>
    </message>
    <message>
        <source>Send target</source>
        <translation>发送目标</translation>
    </message>
    <message>
        <source>Send to every client, or only to the clients selected in the table</source>
        <translation>发送给所有客户端，或仅发送给表中选中的客户端</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>Disconnect the selected clients</source>
        <translation>断开选中的客户端</translation>
    </message>
    <message>
        <source>Close the connection of the selected clients</source>
        <translation>关闭选中客户端的连接</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>所有客户端</translation>
    </message>
    <message>
        <source>Selected clients</source>
        <translation>选中的客户端</translation>
    </message>
    <message>
        <source>Port: %1</source>
        <translation>端口：%1</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止监听(&amp;S)</translation>
    </message>
    <message>
        <source>Listening on port %1 of all interfaces (IPv4 + IPv6): reachable from the network</source>
        <translation>正在所有接口 (IPv4 + IPv6) 的端口 %1 上监听：可从网络访问</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>Not listening: %1</source>
        <translation>未监听：%1</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>未监听</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Server :%1</source>
        <translation>服务器 :%1</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>服务器 %1</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>Auto-reply</source>
        <translation>自动应答</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <source>Auto-reply rules</source>
        <translation>自动应答规则</translation>
    </message>
    <message>
        <source>Edit the rules that answer received data</source>
        <translation>编辑对接收数据进行应答的规则</translation>
    </message>
    <message>
        <source>%1, echo on</source>
        <translation>%1，回显已开启</translation>
    </message>
    <message>
        <source>Answer received data automatically (%1)</source>
        <translation>自动应答接收的数据（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n 条规则</numerusform>
        </translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Show sequences</source>
        <translation>显示序列</translation>
    </message>
    <message>
        <source>Show or hide the send-and-expect checks of this tab</source>
        <translation>显示或隐藏本标签页的发送-期望检查</translation>
    </message>
</context>
<context>
    <name>SessionTabs</name>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>正在关闭</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>正在监听</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>已绑定</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n new record(s)</source>
        <translation>
            <numerusform>%1，%n 条新记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>关闭标签页</translation>
    </message>
    <message>
        <source>“%1” is %2. Close it and its tab?</source>
        <translation>“%1”%2。要关闭它及其标签页吗？</translation>
    </message>
    <message>
        <source>Tab name</source>
        <translation>标签页名称</translation>
    </message>
    <message>
        <source>Enter renames the tab, Esc keeps its name; an empty name is the automatic one</source>
        <translation>按 Enter 重命名标签页，按 Esc 保留原名；名称留空则使用自动名称</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open at start</source>
        <translation>启动时打开(&amp;O)</translation>
    </message>
    <message>
        <source>Connect, listen or bind by itself when NetAssist starts</source>
        <translation>NetAssist 启动时自动连接、监听或绑定</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>关闭 %1</translation>
    </message>
    <message>
        <source>read-only capture</source>
        <translation>只读抓包</translation>
    </message>
</context>
<context>
    <name>SpecNames</name>
    <message>
        <source>None</source>
        <comment>checksum</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>SUM8</source>
        <translation>SUM8</translation>
    </message>
    <message>
        <source>XOR8</source>
        <translation>XOR8</translation>
    </message>
    <message>
        <source>CRC-8</source>
        <translation>CRC-8</translation>
    </message>
    <message>
        <source>CRC-16/MODBUS</source>
        <translation>CRC-16/MODBUS</translation>
    </message>
    <message>
        <source>CRC-16/CCITT-FALSE</source>
        <translation>CRC-16/CCITT-FALSE</translation>
    </message>
    <message>
        <source>CRC-32</source>
        <translation>CRC-32</translation>
    </message>
    <message>
        <source>None</source>
        <comment>line ending</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>CR</source>
        <translation>CR</translation>
    </message>
    <message>
        <source>LF</source>
        <translation>LF</translation>
    </message>
    <message>
        <source>CRLF</source>
        <translation>CRLF</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
</context>
<context>
    <name>StepEditor</name>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Text, or bytes written as hex digits</source>
        <translation>文本，或以十六进制数字写出的字节</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>The encoding of the text</source>
        <translation>文本的编码</translation>
    </message>
    <message>
        <source>Escapes \r \n \xNN</source>
        <translation>转义 \r \n \xNN</translation>
    </message>
    <message>
        <source>Escapes</source>
        <translation>转义</translation>
    </message>
    <message>
        <source>Read \r \n \t \\ \0 and \xNN as escapes. Text mode only.</source>
        <translation>将 \r \n \t \\ \0 和 \xNN 作为转义读取。仅限文本模式。</translation>
    </message>
    <message>
        <source>Line ending</source>
        <translation>行尾</translation>
    </message>
    <message>
        <source>Appended after the text</source>
        <translation>附加在文本之后</translation>
    </message>
    <message>
        <source>Checksum byte order</source>
        <translation>校验和字节序</translation>
    </message>
    <message>
        <source>Byte order of a multi-byte checksum (Modbus RTU sends the low byte first)</source>
        <translation>多字节校验和的字节序（Modbus RTU 先发送低字节）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Big-endian</source>
        <translation>大端</translation>
    </message>
    <message>
        <source>Little-endian</source>
        <translation>小端</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Line ending:</source>
        <translation>行尾：</translation>
    </message>
    <message>
        <source>Checksum:</source>
        <translation>校验和：</translation>
    </message>
    <message>
        <source>Step kind</source>
        <translation>步骤类型</translation>
    </message>
    <message>
        <source>What the step does</source>
        <translation>此步骤做什么</translation>
    </message>
    <message>
        <source>Step label</source>
        <translation>步骤标签</translation>
    </message>
    <message>
        <source>A name for the step, shown in its row and in the JUnit report</source>
        <translation>步骤的名称，显示在其行中和 JUnit 报告中</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Step runs</source>
        <translation>步骤运行</translation>
    </message>
    <message>
        <source>A step that does not run is reported skipped (it is still checked)</source>
        <translation>不运行的步骤报告为跳过（仍会检查它）</translation>
    </message>
    <message>
        <source>Ends the repeated steps.</source>
        <translation>结束重复的步骤。</translation>
    </message>
    <message>
        <source>Step problem</source>
        <translation>步骤问题</translation>
    </message>
    <message>
        <source>Why this step cannot run</source>
        <translation>此步骤无法运行的原因</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Data to send</source>
        <translation>要发送的数据</translation>
    </message>
    <message>
        <source>The payload as the send box takes it: text, or hex digits in hex mode</source>
        <translation>与发送框相同的数据：文本，或十六进制模式下的十六进制数字</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Appended, over all the bytes before it</source>
        <translation>附加在末尾，对之前的所有字节计算</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>发送到</translation>
    </message>
    <message>
        <source>Which peers the bytes go to</source>
        <translation>字节发往哪些对端</translation>
    </message>
    <message>
        <source>The current peer</source>
        <translation>当前对端</translation>
    </message>
    <message>
        <source>Every peer</source>
        <translation>所有对端</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>发往：</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>How the next frame is compared</source>
        <translation>下一帧如何比较</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>开头为</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>matches the regex</source>
        <translation>匹配正则表达式</translation>
    </message>
    <message>
        <source>matches the hex pattern</source>
        <translation>匹配十六进制模式</translation>
    </message>
    <message>
        <source>Expected pattern</source>
        <translation>期望的模式</translation>
    </message>
    <message>
        <source>Text or hex to compare with; a regex; or a hex pattern with ?? (any byte) and .. (any bytes)</source>
        <translation>用于比较的文本或十六进制；正则表达式；或带 ??（任意一个字节）和 ..（任意多个字节）的十六进制模式</translation>
    </message>
    <message>
        <source>Reply checksum</source>
        <translation>应答校验和</translation>
    </message>
    <message>
        <source>The reply&apos;s last bytes must be this checksum over the bytes before them</source>
        <translation>应答的最后几个字节必须是对其之前字节计算的此校验和</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>How long to wait for the frame</source>
        <translation>等待该帧的时长</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Match:</source>
        <translation>匹配：</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Within:</source>
        <translation>时限：</translation>
    </message>
    <message>
        <source>Wait time</source>
        <translation>等待时间</translation>
    </message>
    <message>
        <source>How long to wait; frames that arrive are kept</source>
        <translation>等待多久；期间到达的帧会保留</translation>
    </message>
    <message>
        <source>Wait:</source>
        <translation>等待：</translation>
    </message>
    <message>
        <source>Repeat count</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>How many times the steps up to the end-repeat run</source>
        <translation>直到结束重复之间的步骤运行多少次</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>重复：</translation>
    </message>
</context>
<context>
    <name>TabKinds</name>
    <message>
        <source>New TCP &amp;Client</source>
        <translation>新建 TCP 客户端(&amp;C)</translation>
    </message>
    <message>
        <source>TCP Client</source>
        <translation>TCP 客户端</translation>
    </message>
    <message>
        <source>New TCP &amp;Server</source>
        <translation>新建 TCP 服务器(&amp;S)</translation>
    </message>
    <message>
        <source>TCP Server</source>
        <translation>TCP 服务器</translation>
    </message>
    <message>
        <source>New &amp;UDP</source>
        <translation>新建 UDP(&amp;U)</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>New TLS C&amp;lient</source>
        <translation>新建 TLS 客户端(&amp;L)</translation>
    </message>
    <message>
        <source>TLS Client</source>
        <translation>TLS 客户端</translation>
    </message>
    <message>
        <source>New TLS Se&amp;rver</source>
        <translation>新建 TLS 服务器(&amp;R)</translation>
    </message>
    <message>
        <source>TLS Server</source>
        <translation>TLS 服务器</translation>
    </message>
    <message>
        <source>New TCP &amp;Relay</source>
        <translation>新建 TCP 转发(&amp;R)</translation>
    </message>
    <message>
        <source>TCP Relay</source>
        <translation>TCP 转发</translation>
    </message>
    <message>
        <source>New UDP Rela&amp;y</source>
        <translation>新建 UDP 转发(&amp;Y)</translation>
    </message>
    <message>
        <source>UDP Relay</source>
        <translation>UDP 转发</translation>
    </message>
</context>
<context>
    <name>TimedSend</name>
    <message>
        <source>Timed send interval in milliseconds</source>
        <translation>定时发送间隔（毫秒）</translation>
    </message>
    <message>
        <source>Time between two sends, 1 ms to 24 hours (3,600,000 ms is one hour)</source>
        <translation>两次发送之间的时间，1 毫秒到 24 小时（3,600,000 毫秒为 1 小时）</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Stop timed send after this many sends</source>
        <translation>发送达到此次数后停止定时发送</translation>
    </message>
    <message>
        <source>Stop by itself after this many sends; 0 means never</source>
        <translation>发送达到此次数后自动停止；0 表示不限次数</translation>
    </message>
    <message>
        <source>never</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> sends</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>Start or stop timed send</source>
        <translation>开始或停止定时发送</translation>
    </message>
    <message>
        <source>Timed send status</source>
        <translation>定时发送状态</translation>
    </message>
    <message>
        <source>How many times the payload was sent</source>
        <translation>数据已发送的次数</translation>
    </message>
    <message>
        <source>Send e&amp;very</source>
        <translation>发送间隔(&amp;V)</translation>
    </message>
    <message>
        <source>stop after</source>
        <translation>发送次数</translation>
    </message>
    <message>
        <source>Timed send: every %1 ms, stop after %2</source>
        <translation>定时发送：每 %1 ms 一次，共 %2 次</translation>
    </message>
    <message>
        <source>Timed send: every %1 ms</source>
        <translation>定时发送：每 %1 ms 一次</translation>
    </message>
    <message>
        <source>Timed send stopped: %1 sent</source>
        <translation>定时发送已停止：已发送 %1 次</translation>
    </message>
    <message>
        <source>Timed send finished: %1 sent</source>
        <translation>定时发送已完成：已发送 %1 次</translation>
    </message>
    <message>
        <source>Timed send stopped: %1 sent; not connected</source>
        <translation>定时发送已停止：已发送 %1 次；未连接</translation>
    </message>
    <message>
        <source>Timed send stopped: %1 sent; %2</source>
        <translation>定时发送已停止：已发送 %1 次；%2</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>停止(&amp;P)</translation>
    </message>
    <message>
        <source>Re&amp;peat</source>
        <translation>定时发送(&amp;P)</translation>
    </message>
    <message>
        <source>Stop sending</source>
        <translation>停止发送</translation>
    </message>
    <message>
        <source>Send the payload now and then every %1 ms</source>
        <translation>立即发送数据，之后每 %1 ms 发送一次</translation>
    </message>
    <message>
        <source>● Running: %1 of %2 sent</source>
        <translation>● 运行中：已发送 %1 / %2 次</translation>
    </message>
    <message>
        <source>● Running: %1 sent</source>
        <translation>● 运行中：已发送 %1 次</translation>
    </message>
</context>
<context>
    <name>TlsClientPage</name>
    <message>
        <source>TLS %1</source>
        <translation>TLS %1</translation>
    </message>
</context>
<context>
    <name>TlsOptionsPanel</name>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>选择%1</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>服务器名称</translation>
    </message>
    <message>
        <source>The name sent to the server (SNI) and checked against its certificate; empty: the host</source>
        <translation>发送给服务器（SNI）并与其证书核对的名称；为空时使用主机名</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>Server &amp;name:</source>
        <translation>服务器名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>What the server&apos;s certificate is checked against</source>
        <translation>用什么来验证服务器的证书</translation>
    </message>
    <message>
        <source>System CAs</source>
        <translation>系统 CA</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>None (unverified)</source>
        <translation>不验证（未验证）</translation>
    </message>
    <message>
        <source>&amp;Verify:</source>
        <translation>验证(&amp;V)：</translation>
    </message>
    <message>
        <source>Client certificates</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Whether clients are asked for a certificate, checked against the CA file</source>
        <translation>是否要求客户端提供证书，并用 CA 文件验证</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>不要求</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>Client c&amp;ertificates:</source>
        <translation>客户端证书(&amp;E)：</translation>
    </message>
    <message>
        <source>A PEM file of the CA certificates to trust</source>
        <translation>要信任的 CA 证书的 PEM 文件</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>CA 文件(&amp;A)：</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Our certificate for servers that ask: PEM, or PKCS#12 (.p12, .pfx)</source>
        <translation>供要求证书的服务器使用的本方证书：PEM，或 PKCS#12（.p12、.pfx）</translation>
    </message>
    <message>
        <source>The server&apos;s certificate: PEM, or PKCS#12 (.p12, .pfx) with its key</source>
        <translation>服务器的证书：PEM，或含私钥的 PKCS#12（.p12、.pfx）</translation>
    </message>
    <message>
        <source>Cer&amp;tificate:</source>
        <translation>证书(&amp;T)：</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>The PEM private key; empty when it is in the certificate file or a PKCS#12 file</source>
        <translation>PEM 私钥；私钥在证书文件或 PKCS#12 文件中时留空</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>私钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Key password</source>
        <translation>私钥密码</translation>
    </message>
    <message>
        <source>The key&apos;s or PKCS#12 file&apos;s password; never saved</source>
        <translation>私钥或 PKCS#12 文件的密码；从不保存</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>ALPN protocols</source>
        <translation>ALPN 协议</translation>
    </message>
    <message>
        <source>Application protocols to offer (client) or accept (server), comma-separated, e.g. h2, http/1.1, mqtt</source>
        <translation>要提供（客户端）或接受（服务器）的应用协议，以逗号分隔，例如 h2, http/1.1, mqtt</translation>
    </message>
    <message>
        <source>A&amp;LPN:</source>
        <translation>A&amp;LPN：</translation>
    </message>
    <message>
        <source>What TLS negotiated</source>
        <translation>TLS 协商结果</translation>
    </message>
    <message>
        <source>Protocol version, cipher suite, ALPN and whether the peer was verified</source>
        <translation>协议版本、加密套件、ALPN 以及对端是否已验证</translation>
    </message>
    <message>
        <source>Start in &amp;plain text</source>
        <translation>以明文开始(&amp;P)</translation>
    </message>
    <message>
        <source>Start in plain text</source>
        <translation>以明文开始</translation>
    </message>
    <message>
        <source>Connect without TLS, exchange a plain preamble, then press Start TLS</source>
        <translation>不使用 TLS 连接，先交换明文前导内容，然后按“启动 TLS”</translation>
    </message>
    <message>
        <source>Start &amp;TLS</source>
        <translation>启动 &amp;TLS</translation>
    </message>
    <message>
        <source>Start TLS</source>
        <translation>启动 TLS</translation>
    </message>
    <message>
        <source>Encrypt the open plain connection now (STARTTLS)</source>
        <translation>立即加密已打开的明文连接（STARTTLS）</translation>
    </message>
    <message>
        <source>Certificate &amp;details…</source>
        <translation>证书详情(&amp;D)…</translation>
    </message>
    <message>
        <source>Certificate details</source>
        <translation>证书详情</translation>
    </message>
    <message>
        <source>The peer&apos;s certificate chain: subject, issuer, names, validity, key and SHA-256 fingerprint</source>
        <translation>对端的证书链：主题、颁发者、名称、有效期、密钥和 SHA-256 指纹</translation>
    </message>
    <message>
        <source>TLS is not available: %1</source>
        <translation>TLS 不可用：%1</translation>
    </message>
    <message>
        <source>TLS: not connected</source>
        <translation>TLS：未连接</translation>
    </message>
    <message>
        <source>ALPN %1</source>
        <translation>ALPN %1</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>UNVERIFIED</source>
        <translation>未验证</translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.cer *.key *.p12 *.pfx)</source>
        <translation>证书和私钥 (*.pem *.crt *.cer *.key *.p12 *.pfx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>TlsPages</name>
    <message>
        <source>Certificate details</source>
        <translation>证书详情</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>证书链</translation>
    </message>
    <message>
        <source>The peer&apos;s certificates, leaf first</source>
        <translation>对端的证书，叶证书在前</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>信任此证书(&amp;T)</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>信任此证书</translation>
    </message>
    <message>
        <source>Pin its SHA-256 for %1: accepted from now on, and a changed certificate is refused</source>
        <translation>为 %1 固定其 SHA-256：今后接受此证书，证书一旦更改即拒绝</translation>
    </message>
    <message>
        <source>No certificate received.</source>
        <translation>未收到证书。</translation>
    </message>
    <message>
        <source>Server name checked: %1</source>
        <translation>核对的服务器名称：%1</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>Certificate 1 (the peer&apos;s own)</source>
        <translation>证书 1（对端自己的）</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>证书 %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>颁发者：%1</translation>
    </message>
    <message>
        <source> (self-signed)</source>
        <translation>（自签名）</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>名称：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Valid: %1 to %2</source>
        <translation>有效期：%1 至 %2</translation>
    </message>
    <message>
        <source>Key: %1, %2 bits</source>
        <translation>密钥：%1，%2 位</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
    <message>
        <source>This pcap capture holds the decrypted bytes, written as plain TCP: Wireshark will show the conversation, not the TLS records that went over the wire.</source>
        <translation>此 pcap 抓包文件保存的是解密后的字节，以普通 TCP 写入：Wireshark 将显示会话内容，而不是线路上实际传输的 TLS 记录。</translation>
    </message>
</context>
<context>
    <name>TlsServerPage</name>
    <message>
        <source>TLS %1</source>
        <translation>TLS %1</translation>
    </message>
</context>
<context>
    <name>UdpPage</name>
    <message>
        <source>&amp;Bind to:</source>
        <translation>绑定到(&amp;B):</translation>
    </message>
    <message>
        <source>The local address to receive datagrams on (multicast needs all interfaces or the group&apos;s own address)</source>
        <translation>接收数据报的本地地址（组播需要所有接口或组播组自身的地址）</translation>
    </message>
    <message>
        <source>Bind address</source>
        <translation>绑定地址</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P):</translation>
    </message>
    <message>
        <source>Local port, 0 to 65535 (0: the system chooses a free port)</source>
        <translation>本地端口，0 到 65535（0：由系统选择空闲端口）</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>本地端口</translation>
    </message>
    <message>
        <source>9000</source>
        <translation>9000</translation>
    </message>
    <message>
        <source>S&amp;hare port</source>
        <translation>共享端口(&amp;H)</translation>
    </message>
    <message>
        <source>Let other programs bind the same port too, as several multicast receivers on one machine need</source>
        <translation>允许其他程序也绑定同一端口，同一台机器上有多个组播接收者时需要这样</translation>
    </message>
    <message>
        <source>Share the port with other programs</source>
        <translation>与其他程序共享端口</translation>
    </message>
    <message>
        <source>&amp;Bind</source>
        <translation>绑定(&amp;B)</translation>
    </message>
    <message>
        <source>Bind or unbind</source>
        <translation>绑定或解除绑定</translation>
    </message>
    <message>
        <source>Socket state</source>
        <translation>套接字状态</translation>
    </message>
    <message>
        <source>Input error</source>
        <translation>输入错误</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>发送到(&amp;T):</translation>
    </message>
    <message>
        <source>Send target</source>
        <translation>发送目标</translation>
    </message>
    <message>
        <source>Send to a host and port, back to whoever sent the last datagram, or to the peers selected in the table</source>
        <translation>发送到指定主机和端口、回复给最后一个数据报的发送方，或发送给表中选中的对端</translation>
    </message>
    <message>
        <source>Remote host: an IPv4 or IPv6 address, a name, or a broadcast address</source>
        <translation>远程主机：IPv4 或 IPv6 地址、主机名或广播地址</translation>
    </message>
    <message>
        <source>Remote host</source>
        <translation>远程主机</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O):</translation>
    </message>
    <message>
        <source>Remote port, 1 to 65535</source>
        <translation>远程端口，1 到 65535</translation>
    </message>
    <message>
        <source>Remote port</source>
        <translation>远程端口</translation>
    </message>
    <message>
        <source>Send target state</source>
        <translation>发送目标状态</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Forget &amp;after:</source>
        <translation>超时移除(&amp;A):</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>A peer not heard from or sent to for this long leaves the table; 0 keeps every peer</source>
        <translation>超过此时长没有收发的对端将被移出列表；0 表示保留所有对端</translation>
    </message>
    <message>
        <source>Forget idle peers after</source>
        <translation>空闲对端的移除时间</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>移除(&amp;F)</translation>
    </message>
    <message>
        <source>Remove the selected peers from the table</source>
        <translation>从列表中移除选中的对端</translation>
    </message>
    <message>
        <source>Forget the selected peers</source>
        <translation>移除选中的对端</translation>
    </message>
    <message>
        <source>Host and port</source>
        <translation>主机和端口</translation>
    </message>
    <message>
        <source>Last sender</source>
        <translation>最后的发送方</translation>
    </message>
    <message>
        <source>Selected peers</source>
        <translation>选中的对端</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>UDP :%1</source>
        <translation>UDP :%1</translation>
    </message>
    <message>
        <source>UDP %1</source>
        <translation>UDP %1</translation>
    </message>
    <message>
        <source>Local port: %1</source>
        <translation>本地端口：%1</translation>
    </message>
    <message>
        <source>Enter the host to send to.</source>
        <translation>请输入要发送到的主机。</translation>
    </message>
    <message>
        <source>Remote port: %1</source>
        <translation>远程端口：%1</translation>
    </message>
    <message>
        <source>Un&amp;bind</source>
        <translation>解除绑定(&amp;B)</translation>
    </message>
    <message>
        <source>Bound to port %1 of all interfaces (IPv4 + IPv6)</source>
        <translation>已绑定到所有接口 (IPv4 + IPv6) 的端口 %1</translation>
    </message>
    <message>
        <source>Bound to %1</source>
        <translation>已绑定到 %1</translation>
    </message>
    <message>
        <source>Not bound: %1</source>
        <translation>未绑定：%1</translation>
    </message>
    <message>
        <source>Not bound</source>
        <translation>未绑定</translation>
    </message>
    <message>
        <source>Nothing is listening at %1.</source>
        <translation>%1 上没有程序在监听。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
</TS>
