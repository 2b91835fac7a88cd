/**
 * Unsafe-code rules as data (CodeShield tier-1 style: keyword prefilter, then one linear regex, then line/block
 * guards). Each names its risk, its CWE where one applies, and the safer way. Examples double as catalogue tests.
 */
import type { InspectionRule } from './types';

export type CodeLang = 'python' | 'js' | 'java' | 'csharp' | 'go' | 'php' | 'ruby' | 'c' | 'shell' | 'powershell' | 'sql';

export interface CodeRule extends Omit<InspectionRule, 'patterns'> {
  pattern: RegExp;
  /**
   * Lower-case start literals: the regex runs (sticky) only where one occurs in the lower-cased code, so every
   * alternative of the pattern must begin with one of them (optional prefixes aside).
   */
  keywords: string[];
  /** The 200 characters around the match must match this (e.g. a password near a fast hash). */
  nearRequires?: RegExp;
  /** Extra check on the matched text. */
  validate?: (match: string) => boolean;
  /** Languages it applies to when the block's language is known (absent: all). */
  langs?: CodeLang[];
  /** The block must also match this (e.g. a password for fast-hash rules). */
  requires?: RegExp;
  /** The lower-cased block must contain one of these literals (e.g. an execution sink for SQL strings). */
  requiresAny?: string[];
  /** Drop the match when its line matches this. */
  unlessLine?: RegExp;
  /** Drop every match when the block matches this. */
  unlessBlock?: RegExp;
  confidence: number;
  /** The safer way, one line. */
  safer: string;
}

// Verbs that are also everyday English ("Replace {x} with {y}", "Merge: …", "Create {name} failed", "Call {fn}") count
// only with the word SQL puts after them.
const SQL_VERB =
  '(?:(?:select|insert|update|delete|upsert|drop|alter|truncate)\\b|(?:replace|merge)\\s+into\\b|create\\s+(?:table|index|view|database|schema|unique|or\\s+replace|temp|temporary)\\b|(?:exec|execute|call)\\s(?=\\s{0,3}[\\w[]))';
/** Execution sinks (lower-case literals): SQL text only matters when the block also sends SQL somewhere. */
const SQL_SINKS = ['execute', 'exec(', 'exec ', 'query', '.raw(', 'read_sql', 'prepare', 'createquery', 'createnativequery', 'sqlcommand', 'oledbcommand', 'mysqlcommand', 'fromsqlraw', 'executesqlraw', 'mysqli_query', 'mysql_query', 'pg_query', 'find_by_sql', '.where(', 'select_all', 'exec_query', 'db.run', 'db.all', 'db.get', 'knex.raw', '->query', 'cursor', 'executereader', 'executenonquery', 'executescalar'];

export const unsafeCodeRules: CodeRule[] = [
  // ------------------------------------------------------------------ destructive shell
  {
    id: 'code-rm-rf-root',
    kind: 'unsafe-code',
    type: 'DESTRUCTIVE_RM',
    description: 'rm -r/-rf on /, ~, *, a system directory, or an unquoted/possibly-empty $VAR.',
    safer: 'Delete a specific, quoted, checked path (e.g. rm -rf -- "./build"); guard variables with ${VAR:?}.',
    keywords: ['rm'],
    langs: ['shell', 'powershell'],
    validate: (m) => /\s-(?:[a-zA-Z]*[rR]|-recursive\b)/.test(m),
    pattern:
      /\brm\s+(?:--?[a-zA-Z][a-zA-Z-]{0,30}\s+){1,6}(?:--\s+)?(?:\/\*?|~\/?\*?|\*|\.\*|\$HOME\/?\*?|"\$HOME\/?"|\$\{?[A-Za-z_]\w{0,40}\}?\/?\*?|"\$\{?[A-Za-z_]\w{0,40}\}?\/"\*?|"\$\{?[A-Za-z_]\w{0,40}\}?"\/\*?|\/(?:bin|boot|etc|home|lib|lib64|opt|root|sbin|usr|var|dev|sys|proc|srv|mnt|media|Users|System|Library|Applications)\/?\*?)(?=[\s;&|)"'`]|$)/g,
    confidence: 0.92,
    examples: {
      positive: ['sudo rm -rf /', 'rm -rf ~/*', 'rm -rf $BUILD_DIR/*', 'rm -fr *', 'rm -rf "$STEAMROOT/"*', 'rm --recursive --force /usr'],
      negative: ['rm -rf ./build', 'rm -rf node_modules', 'rm -rf "${BUILD_DIR:?}/dist"', 'rm -rf /tmp/myapp-cache', 'rm file.txt'],
    },
  },
  {
    id: 'code-disk-wipe',
    kind: 'unsafe-code',
    type: 'DESTRUCTIVE_DISK',
    description: 'Writes straight to a disk device: dd of=/dev/sdX, mkfs, > /dev/sda, shred/wipefs on a device.',
    safer: 'Double-check the device with lsblk first; prefer a GUI imager that refuses system disks.',
    keywords: ['dd', 'mkfs', '>', 'shred', 'wipefs'],
    langs: ['shell'],
    pattern:
      /\bdd\b[^\n]{0,200}?\bof=\/dev\/(?:sd[a-z]|nvme\d|hd[a-z]|disk\d|rdisk\d|mmcblk\d|vd[a-z]|xvd[a-z]|md\d)|\bmkfs(?:\.[a-z0-9]+)?\s+(?:-[^\s-]\S{0,30}\s+){0,4}\/dev\/|>\s*\/dev\/(?:sd[a-z]|nvme\d|hd[a-z]|disk\d|mmcblk\d|vd[a-z])|\b(?:shred|wipefs)\s+(?:-[^\s-]\S{0,30}\s+){0,4}\/dev\/(?:sd[a-z]|nvme|hd[a-z]|disk|mmcblk|vd[a-z])/g,
    confidence: 0.85,
    examples: {
      positive: ['sudo dd if=/dev/zero of=/dev/sda bs=1M', 'mkfs.ext4 /dev/sdb1', 'cat /dev/urandom > /dev/sda', 'wipefs -a /dev/nvme0n1'],
      negative: ['dd if=/dev/zero of=./disk.img bs=1M count=100', 'ls /dev/ | grep sd'],
    },
  },
  {
    id: 'code-fork-bomb',
    kind: 'unsafe-code',
    type: 'FORK_BOMB',
    description: 'A fork bomb, which exhausts the process table and hangs the machine.',
    safer: 'Do not run it; to test limits use ulimit -u in a throwaway VM.',
    keywords: [':', '%0'],
    pattern: /:\s*\(\s*\)\s*\{\s*:\s*\|\s*:\s*&\s*\}(?:\s*;)?\s*:|%0\s*\|\s*%0/g,
    confidence: 0.97,
    examples: {
      positive: [':(){ :|:& };:', ':() { : | : & }; :', '%0|%0'],
      negative: ['greet() { echo hi; }'],
    },
  },
  {
    id: 'code-chmod-777',
    kind: 'unsafe-code',
    type: 'WORLD_WRITABLE',
    cwe: 'CWE-732',
    description: 'World-writable permissions (chmod 777, 0o777, a+rwx, setWritable(true,false), umask 000).',
    safer: 'Grant the least access needed: 755 for directories, 644 for files, 600 for secrets.',
    keywords: ['chmod', 'os.', 'fs.', 'file.', 'fileutils.', 'ioutil.', '.setwritable', 'umask'],
    pattern:
      /\bchmod\s+(?:-[a-zA-Z]+\s+){0,3}(?:0?777|a\+rwx|ugo\+rwx|o\+w|a\+w)\b|\b(?:os\.chmod|os\.Chmod|fs\.chmodSync|fs\.chmod|fs\.promises\.chmod|chmod|File\.chmod|FileUtils\.chmod(?:_R)?|os\.MkdirAll|os\.Mkdir|os\.WriteFile|ioutil\.WriteFile|os\.makedirs|os\.mkdir)\s*\([^()\n]{0,200}?(?:0o777|0777|\b511\b|0o666|0666|S_IRWXO|S_IWOTH|stat\.S_IWOTH)|\.setWritable\s*\(\s*true\s*,\s*false\s*\)|\bumask\s*(?:\(\s*)?0{1,4}(?![0-9])/g,
    // 0o777 - mask, 0o777 & ~umask: the default masked down, not world-writable.
    unlessLine: /0o?777\s*(?:-|&\s*~)/,
    confidence: 0.8,
    examples: {
      positive: ['chmod -R 777 /var/www', 'os.chmod(path, 0o777)', 'fs.chmodSync(file, 0o777);', 'os.MkdirAll(dir, 0777)', 'f.setWritable(true, false);'],
      negative: ['chmod 755 deploy.sh', 'os.chmod(path, 0o600)', 'chmod +x script.sh'],
    },
  },
  // ------------------------------------------------------------------ download and execute
  {
    id: 'code-curl-pipe-shell',
    kind: 'unsafe-code',
    type: 'CURL_PIPE_SHELL',
    cwe: 'CWE-494',
    description: 'Pipes a download straight into a shell or interpreter, running unreviewed remote code.',
    safer: 'Download to a file, check its checksum/signature, read it, then run it.',
    keywords: ['curl', 'wget', 'fetch', 'sh', 'bash', 'zsh', 'ksh', 'source', '. <(', 'eval'],
    pattern:
      /\b(?:curl|wget|fetch)\b[^\n|;]{0,400}\|\s*(?:sudo\s+(?:-[a-zA-Z]+\s+){0,3})?(?:(?:\/usr)?\/bin\/)?(?:ba|z|k|da|fi|c|tc)?sh\b|\b(?:curl|wget)\b[^\n|;]{0,400}\|\s*(?:sudo\s+)?(?:python[23]?|perl|ruby|node|php)\b(?!\s+-m\s+json)|\b(?:ba|z|k)?sh\s+(?:-c\s+)?["']?\$\((?:curl|wget)\b|\b(?:ba|z)?sh\s+<\(\s*(?:curl|wget)\b|(?:\bsource|\.)\s+<\(\s*(?:curl|wget)\b|\beval\s+["']?\$\((?:curl|wget)\b/g,
    confidence: 0.9,
    examples: {
      positive: ['curl -fsSL https://get.example.sh | sh', 'wget -qO- https://x.example/install | sudo bash', 'bash -c "$(curl -fsSL https://x.example/i.sh)"', 'bash <(curl -s https://x.example/i.sh)', 'curl https://x.example/a.py | python3'],
      negative: ['curl -fsSLo install.sh https://get.example.sh && less install.sh', 'curl -s https://api.example.com/data | jq .items', 'curl https://api.example.com | python -m json.tool'],
    },
  },
  {
    id: 'code-powershell-download-exec',
    kind: 'unsafe-code',
    type: 'POWERSHELL_DOWNLOAD_EXEC',
    cwe: 'CWE-494',
    description: 'PowerShell downloads a script and runs it with Invoke-Expression (iex).',
    safer: 'Save the script with Invoke-WebRequest -OutFile, inspect and sign-check it, then run it.',
    keywords: ['iwr', 'irm', 'invoke-', 'curl', 'wget', 'iex', '.downloadstring'],
    pattern:
      /\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|curl|wget)\b[^\n|]{0,400}\|\s*(?:iex|Invoke-Expression)\b|\b(?:iex|Invoke-Expression)\s*(?:\(\s*){0,3}(?:New-Object\s+(?:System\.)?Net\.WebClient\s*(?:\)\s*)?\.\s*DownloadString|(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b)|\.DownloadString\s*\([^)\n]{1,400}\)\s*\|\s*(?:iex|Invoke-Expression)\b/gi,
    confidence: 0.9,
    examples: {
      positive: ['iwr -useb https://get.example.ps1 | iex', "IEX (New-Object Net.WebClient).DownloadString('https://x.example/a.ps1')", 'Invoke-Expression (Invoke-WebRequest -Uri $u).Content', 'irm https://x.example/install.ps1 | iex'],
      negative: ['Invoke-WebRequest -Uri $u -OutFile install.ps1', 'Get-FileHash install.ps1'],
    },
  },
  // ------------------------------------------------------------------ TLS
  {
    id: 'code-tls-verify-disabled',
    kind: 'unsafe-code',
    type: 'TLS_VERIFICATION_DISABLED',
    cwe: 'CWE-295',
    description: 'Turns off TLS certificate verification, so anyone on the network can intercept the connection.',
    safer: 'Keep verification on; point at the right CA bundle (verify="/path/ca.pem", NODE_EXTRA_CA_CERTS) instead.',
    keywords: ['verify', 'session.', 'ssl._create_unverified_context', 'cert_reqs', 'check_hostname', 'rejectunauthorized', 'node_tls_reject_unauthorized', 'insecureskipverify', 'curl', 'wget', 'curlopt_ssl_verify', 'servercertificate', 'sethostnameverifier', 'noophostnameverifier', 'allow_all_hostname_verifier', 'trustallcerts', 'trustallstrategy', 'http.sslverify', 'strict-ssl', 'ssl_verify', 'skipcertificatecheck'],
    pattern:
      /\bverify\s*=\s*False\b|\bsession\.verify\s*=\s*False\b|\bssl\._create_unverified_context\b|\bcert_reqs\s*=\s*(?:ssl\.)?CERT_NONE\b|\bverify_mode\s*=\s*(?:ssl\.)?CERT_NONE\b|\bcheck_hostname\s*=\s*False\b|\brejectUnauthorized\s*:\s*false\b|\bNODE_TLS_REJECT_UNAUTHORIZED\s*[=:]\s*["']?0\b|\bInsecureSkipVerify\s*:\s*true\b|\bcurl\b[^\n|;]{0,300}?\s(?:-[a-jl-zA-Z]{0,10}k|--insecure)(?=[a-zA-Z]{0,10}(?:\s|$))|\bwget\b[^\n|;]{0,300}?--no-check-certificate\b|\bCURLOPT_SSL_VERIFY(?:PEER|HOST)\s*(?:=>|,)\s*(?:false|0)\b|\bServerCertificate(?:Custom)?ValidationCallback\s*\+?=\s*[^;\n]{0,200}?(?:=>\s*true\b|\{\s*return\s+true\s*(?:;\s*)?\}|DangerousAcceptAnyServerCertificateValidator)|\bsetHostnameVerifier\s*\(\s*(?:\([^()\n]{0,80}\)|[a-z]{1,20})\s*->\s*true|\b(?:NoopHostnameVerifier|ALLOW_ALL_HOSTNAME_VERIFIER|TrustAllCerts|trustAllCerts|TrustAllStrategy)\b|\bverify_mode\s*[=:]\s*OpenSSL::SSL::VERIFY_NONE\b|\bverify:\s*OpenSSL::SSL::VERIFY_NONE\b|\bhttp\.sslVerify\s+false\b|\bstrict-ssl\s+false\b|\bssl_verify(?:_peer)?\s*[=:]>?\s*(?:false|0)\b|\bSkipCertificateCheck\b/g,
    // A jwt option, or a parameter's default in a signature ("def sign(self, f, verify=False):") is not a TLS call.
    unlessLine: /\bjwt\b|\bverify_signature\b|^\s*(?:async\s+)?def\s/i,
    confidence: 0.88,
    examples: {
      positive: ['requests.get(url, verify=False)', 'const agent = new https.Agent({ rejectUnauthorized: false });', "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", 'tls.Config{InsecureSkipVerify: true}', 'curl -k https://internal.example/api', 'curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);', 'ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => true;', 'ctx = ssl._create_unverified_context()'],
      negative: ['requests.get(url, verify=True)', 'requests.get(url, verify="/etc/ssl/ca.pem")', 'curl -fsSL https://example.com -o out.json', 'tls.Config{MinVersion: tls.VersionTLS12}'],
    },
  },
  // ------------------------------------------------------------------ SQL injection
  {
    id: 'code-sql-string-building',
    kind: 'unsafe-code',
    type: 'SQL_INJECTION',
    cwe: 'CWE-89',
    description: 'SQL built by concatenation or interpolation and sent to the database.',
    safer: 'Use parameterized queries: cursor.execute("... WHERE id = %s", (id,)), PreparedStatement with ?, $1 placeholders.',
    keywords: ['f"', "f'", '$"', '$@"', '@$"', '`', '"', "'", 'string.format', 'fmt.sprintf', 'sprintf', 'format', 'str.format', '.append', '.where'],
    requiresAny: SQL_SINKS,
    pattern: new RegExp(
      [
        // Python f-strings, C# $"..." interpolation, JS template literals, Ruby "#{...}", PHP "...$var"
        `\\bf"\\s*${SQL_VERB}[^"\\n{]{0,400}\\{`,
        `\\bf'\\s*${SQL_VERB}[^'\\n{]{0,400}\\{`,
        `(?:\\$@?|@\\$)"\\s*${SQL_VERB}[^"\\n{]{0,400}\\{`,
        // untagged template literals only: sql`…${x}`, Prisma.sql`…`, $queryRaw`…` are parameterized by the tag
        `(?<![\\w$.])\`\\s*${SQL_VERB}[^\`$]{0,400}\\$\\{`,
        `"\\s*${SQL_VERB}[^"\\n#]{0,400}#\\{`,
        `"\\s*${SQL_VERB}[^"\\n$]{0,400}(?<!\\\\)\\$(?:_(?:GET|POST|REQUEST|COOKIE)|[a-zA-Z_]\\w{0,40})`,
        // "..." + var, '...' . $var, "..." & var
        // PHP's "." joins only a $variable or a call: '"Call Q". New …' in prose is a sentence, not a concatenation.
        `"\\s*${SQL_VERB}[^"\\n]{0,400}"\\s*(?:(?:\\+|&|\\|\\|)\\s*(?:\\$?[A-Za-z_][\\w.\\[\\]'"]{0,80}|\\(|str\\()|\\.\\s*(?:\\$[A-Za-z_]|[A-Za-z_]\\w{0,40}\\s*\\())`,
        `'\\s*${SQL_VERB}[^'\\n]{0,400}'\\s*(?:(?:\\+|&|\\|\\|)\\s*(?:\\$?[A-Za-z_][\\w.\\[\\]'"]{0,80}|\\(|str\\()|\\.\\s*(?:\\$[A-Za-z_]|[A-Za-z_]\\w{0,40}\\s*\\())`,
        // "... %s ..." % x, "...{}".format(x)
        `"\\s*${SQL_VERB}[^"\\n%{]{0,400}(?:%[sdr]|\\{\\w{0,30}\\})[^"\\n]{0,200}"\\s*(?:%\\s*[\\w(\\[]|\\.format\\s*\\()`,
        `'\\s*${SQL_VERB}[^'\\n%{]{0,400}(?:%[sdr]|\\{\\w{0,30}\\})[^'\\n]{0,200}'\\s*(?:%\\s*[\\w(\\[]|\\.format\\s*\\()`,
        // String.format / fmt.Sprintf / sprintf
        `\\b(?:String\\.format|fmt\\.Sprintf|sprintf|format|string\\.Format|str\\.format)\\s*\\(\\s*[@$]?["\`]\\s*${SQL_VERB}[^"\`\\n%{]{0,400}(?:%[sdvq]|\\{\\d\\})`,
        // Rails where("... #{...}")
        `\\.where\\s*\\(\\s*"[^"\\n#]{0,200}#\\{`,
        // Java StringBuilder append after SQL text
        `\\.append\\s*\\(\\s*"\\s*${SQL_VERB}[^"\\n]{0,300}"\\s*\\)\\s*\\.append\\s*\\(\\s*[A-Za-z_]`,
      ].join('|'),
      'gi',
    ),
    unlessLine: /\b(?:print|console\.log|logger\.[a-z]{1,30}|log\.[a-z]{1,30}|logging\.[a-z]{1,30}|System\.out\.print(?:ln|f)?|echo|puts|raise|throw)\s*\(|\.(?:debug|info|warn|warning|error|exception|critical|trace)\s*\(/i,
    confidence: 0.85,
    examples: {
      positive: [
        'cursor.execute(f"SELECT * FROM users WHERE name = \'{name}\'")',
        'db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);',
        'cur.execute("SELECT * FROM t WHERE id = %s" % user_id)',
        'String q = "SELECT * FROM users WHERE name = \'" + name + "\'";\nResultSet rs = stmt.executeQuery(q);',
        'var cmd = new SqlCommand($"SELECT * FROM Users WHERE Id = {id}", conn);',
        '$result = mysqli_query($conn, "SELECT * FROM users WHERE id = $_GET[id]");',
        'rows, _ := db.Query(fmt.Sprintf("SELECT * FROM users WHERE name = \'%s\'", name))',
        'User.find_by_sql("SELECT * FROM users WHERE name = \'#{params[:name]}\'")',
      ],
      negative: [
        'title = f"Replace {old} with {new}"\ncursor.execute("UPDATE notes SET title = %s WHERE id = %s", (title, note_id))', // English, then a parameterized query
        'const line = `Merge: ${sha}`;\nawait db.query("SELECT 1");',
        'cursor.execute("SELECT * FROM users WHERE name = %s", (name,))',
        'db.query("SELECT * FROM users WHERE id = $1", [id]);',
        'PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE id = ?");',
        'rows, err := db.Query("SELECT name FROM users WHERE id = ?", id)',
        'print(f"SELECT returned {count} rows")',
      ],
    },
  },
  // ------------------------------------------------------------------ command injection
  {
    id: 'code-command-injection',
    kind: 'unsafe-code',
    type: 'COMMAND_INJECTION',
    cwe: 'CWE-78',
    description: 'A shell command built from variables (shell=True, os.system(f"…"), exec with a template, Runtime.exec with concatenation).',
    safer: 'Pass an argument list without a shell: subprocess.run(["ls", path]), execFile("ls", [path]), ProcessBuilder("ls", path).',
    keywords: ['subprocess.', 'os.', 'child_process.', 'exec', 'spawn', 'runtime.', 'new processbuilder', 'system', 'shell_exec', 'passthru', 'popen', 'proc_open', 'pcntl_exec', '`', 'exec.command', 'io.popen', 'open3.', '%x(', 'process.start', 'invoke-expression', 'iex'],
    pattern:
      /\bsubprocess\.(?:run|call|Popen|check_output|check_call|getoutput|getstatusoutput)\s*\(\s*(?:f["']|[A-Za-z_][\w.]{0,60}\s*[,)]|["'][^"'\n]{0,200}["']\s*(?:\+|%|\.format))[^\n]{0,300}?\bshell\s*=\s*True|\bsubprocess\.(?:getoutput|getstatusoutput)\s*\(\s*(?:f["']|[A-Za-z_])|\bos\.(?:system|popen)\s*\(\s*(?:f["']|[A-Za-z_][\w.]{0,60}\s*\)|["'][^"'\n]{0,200}["']\s*(?:\+|%|\.format))|\bRuntime\.getRuntime\(\)\.exec\s*\(\s*(?:["'][^"'\n]{0,200}["']\s*\+|[a-z_]\w{0,40}\s*\+|String\.format)|\bnew\s+ProcessBuilder\s*\(\s*["'](?:sh|bash|cmd(?:\.exe)?|\/bin\/sh|\/bin\/bash)["']\s*,\s*["'](?:-c|\/c)["']\s*,\s*(?:["'][^"'\n]{0,200}["']\s*\+|[a-z_]\w{0,40}\s*\+)|\b(?:system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec)\s*\([^)\n]{0,200}?\$_(?:GET|POST|REQUEST|COOKIE|SERVER)|`[^`\n$]{0,200}\$_(?:GET|POST|REQUEST|COOKIE)|\bexec\.Command\s*\(\s*["'](?:sh|bash|\/bin\/sh|\/bin\/bash|cmd)["']\s*,\s*["'](?:-c|\/c)["']\s*,\s*(?:fmt\.Sprintf|["'][^"'\n]{0,200}["']\s*\+|[a-z_]\w{0,40}\s*\+)|\bProcess\.Start\s*\(\s*["'](?:cmd(?:\.exe)?|powershell(?:\.exe)?|\/bin\/bash|bash|sh)["']\s*,\s*(?:\$"|["'][^"'\n]{0,200}["']\s*\+)|\b(?:Invoke-Expression|iex)\s+(?:\$|"[^"\n]{0,200}\$)|\bsystem\s*\(\s*[a-z_]\w{0,40}\s*\)\s*;/g,
    unlessLine: /\bshlex\.quote\b|\bescapeshellarg\b|\bescapeshellcmd\b|\bShellwords\.escape\b/,
    confidence: 0.85,
    examples: {
      positive: [
        'subprocess.run(f"ls {path}", shell=True)',
        'os.system(f"ping -c 1 {host}")',
        'os.system("rm " + filename)',
        'Runtime.getRuntime().exec("ping " + host);',
        'system("ls " . $_GET["dir"]);',
        'cmd := exec.Command("sh", "-c", "ping "+host)',
        'Process.Start("cmd.exe", "/c dir " + folder);',
      ],
      negative: [
        'subprocess.run(["ls", "-l", path], check=True)',
        'subprocess.run("ls -la", shell=True)',
        'execFile("convert", [input, "out.png"], cb);',
        'cmd := exec.Command("ping", "-c", "1", host)',
        "os.system('clear')",
        'model.eval()',
        'while ((match = separator.exec(substring))) {', // RegExp.prototype.exec, not a shell
      ],
    },
  },
  {
    id: 'code-node-shell-command',
    kind: 'unsafe-code',
    type: 'COMMAND_INJECTION',
    cwe: 'CWE-78',
    description: 'Node runs a shell command built from values (child_process exec/execSync with a template or concatenation, spawn with shell: true).',
    safer: 'Use execFile/spawn with an argument array and no shell: execFile("convert", [file, "out.png"]).',
    keywords: ['child_process.', 'exec', 'spawn'],
    // Node only, and only where the block uses child_process or passes a built string: Python's exec(code, ns) and
    // RegExp's exec are something else.
    langs: ['js'],
    requiresAny: ['child_process', 'exec(`', 'execsync(`', 'exec("', "exec('", 'execsync("', "execsync('", 'shell: true', 'shell:true'],
    pattern:
      /(?:\bchild_process\.|(?<![\w$.]))(?:exec|execSync)\s*\(\s*(?:`[^`\n]{0,300}\$\{|["'][^"'\n]{0,200}["']\s*\+|[A-Za-z_$][\w.$]{0,60}\s*[,)])|\bspawn(?:Sync)?\s*\([^)\n]{0,200}\bshell\s*:\s*true/g,
    confidence: 0.85,
    examples: {
      positive: [
        'exec(`convert ${req.query.file} out.png`, cb);',
        "const { exec } = require('child_process');\nexec(userCommand, (err, out) => console.log(out));",
        "spawnSync(`taskkill /pid ${pid} /T /F`, { shell: true });",
      ],
      negative: ["execFile('convert', [input, 'out.png'], cb);", '```python\nexec(code, namespace)\n```', 'while ((m = re.exec(text))) {}'],
    },
  },
  {
    id: 'code-ruby-shell-interpolation',
    kind: 'unsafe-code',
    type: 'COMMAND_INJECTION',
    cwe: 'CWE-78',
    description: 'A Ruby shell command with interpolated values (system "…#{x}…", backticks, %x()): the value can run its own commands.',
    safer: 'Pass arguments separately: system("tar", "czf", "#{name}.tgz", "data"), or Open3.capture2("ls", path).',
    keywords: ['system', 'exec', 'spawn', 'io.popen', 'open3.', '%x(', '`'],
    // Ruby only: JavaScript template literals and test messages also write "#{…}" ("expected #{this} to match").
    langs: ['ruby'],
    pattern: /\b(?:system|exec|spawn|IO\.popen|Open3\.\w{1,30})\s*(?:\(\s*)?"[^"\n#]{0,200}#\{|%x\([^)\n]{0,200}#\{|`[^`\n#]{0,200}#\{[^}\n]{0,60}\}[^`\n]{0,100}`/g,
    unlessLine: /\bShellwords\.escape\b|\.shellescape\b/,
    confidence: 0.85,
    examples: {
      positive: ['system("tar czf #{params[:name]}.tgz data")', 'out = `grep #{pattern} /var/log/app.log`'],
      negative: ['system("tar", "czf", "#{name}.tgz", "data")', 'system("ls #{Shellwords.escape(dir)}")'],
    },
  },
  {
    id: 'code-eval-input',
    kind: 'unsafe-code',
    type: 'CODE_INJECTION',
    cwe: 'CWE-94',
    description: 'eval/exec/new Function on a variable or user input runs arbitrary code.',
    safer: 'Parse data instead of executing it: json.loads / JSON.parse / ast.literal_eval, or a lookup table of allowed actions.',
    keywords: ['eval', 'exec', 'new function', 'settimeout', 'setinterval', 'instance_eval', 'class_eval', 'module_eval', 'scriptengine', 'create_function', 'preg_replace'],
    pattern:
      /(?<![.\w])eval\s*\(\s*(?:input\s*\(|request\.|req\.|params|\$_(?:GET|POST|REQUEST|COOKIE)|\$[a-zA-Z_]|[a-zA-Z_][\w.]{0,60}\s*[),]|atob\s*\(|`[^`\n]{0,200}\$\{|["'][^"'\n]{0,200}["']\s*[+.])|(?<![.\w])exec\s*\(\s*(?:input\s*\(|request\.|compile\s*\(|[a-z_]\w{0,40}\s*\)|f["']|["'][^"'\n]{0,200}["']\s*[+%])|\bnew\s+Function\s*\((?!\s*(?:["'][^"'\n]{0,200}["']\s*,\s*){0,5}["'][^"'\n]{0,200}["']\s*\))|\bset(?:Timeout|Interval)\s*\(\s*(?:["'][^"'\n]{0,200}["']\s*\+|`[^`\n]{0,200}\$\{)|\b(?:instance_eval|class_eval|module_eval)\s*(?:\(\s*)?(?:params|request|[a-z_]\w{0,40}\s*\))|\bScriptEngine\b[^\n]{0,200}\.eval\s*\(\s*[a-z_]\w{0,40}\s*\)|\bcreate_function\s*\(|\bpreg_replace\s*\(\s*["']\/[^"'\n]{0,200}\/[a-df-z]{0,10}e/g,
    unlessLine: /\bast\.literal_eval\b|\.eval\(\)|\bmodel\.eval\b|\b(?:redis|r|client)\.eval\s*\(/,
    confidence: 0.82,
    examples: {
      positive: ['result = eval(input("> "))', 'eval(req.body.code);', 'exec(user_code)', 'const fn = new Function("a", body);', 'eval($_POST["code"]);', 'setTimeout("update(" + id + ")", 100);'],
      negative: ['value = ast.literal_eval(text)', 'model.eval()', 'data = JSON.parse(body);', 'eval("1 + 1")'],
    },
  },
  // ------------------------------------------------------------------ deserialization
  {
    id: 'code-unsafe-deserialization',
    kind: 'unsafe-code',
    type: 'UNSAFE_DESERIALIZATION',
    cwe: 'CWE-502',
    description: 'Deserializes data with a format that can construct arbitrary objects and run code.',
    safer: 'Use a data-only format: json, yaml.safe_load, DataContractJsonSerializer/System.Text.Json, or an allow-list of classes.',
    keywords: ['pickle.', 'cpickle.', 'dill.', '_pickle.', 'cloudpickle.', 'shelve.open', 'jsonpickle.decode', 'yaml.', 'new objectinputstream', 'binaryformatter', 'netdatacontractserializer', 'soapformatter', 'losformatter', 'objectstateformatter', 'typenamehandling', 'unserialize', 'marshal.', 'new xmldecoder', 'serialize.unserialize', 'node-serialize'],
    pattern:
      /\b(?:c?pickle|dill|_pickle|cloudpickle)\.loads?\s*\(|\bshelve\.open\s*\(|\bjsonpickle\.decode\s*\(|\byaml\.(?:load|load_all)\s*\((?![^)\n]{0,200}Loader\s*=\s*(?:yaml\.)?C?(?:Safe|Base)Loader)|\byaml\.(?:unsafe_load|unsafe_load_all)\s*\(|\bnew\s+ObjectInputStream\s*\(|\b(?:BinaryFormatter|NetDataContractSerializer|SoapFormatter|LosFormatter|ObjectStateFormatter)\s*\(\s*\)|\bTypeNameHandling\s*=\s*TypeNameHandling\.(?:All|Auto|Objects|Arrays)\b|\bunserialize\s*\(\s*(?:\$_(?:GET|POST|REQUEST|COOKIE)|base64_decode\s*\(\s*\$_|\$[a-z_]\w{0,40}\s*\))|\bMarshal\.(?:load|restore)\s*\(|\bYAML\.(?:load|unsafe_load)\s*\((?![^)\n]{0,200}permitted_classes)|\bnew\s+XMLDecoder\s*\(|\bserialize\.unserialize\s*\(|\bnode-serialize\b/g,
    unlessLine: /\bjson\.load|\bsafe_load\b|\ballowed_classes\s*=>\s*false/,
    confidence: 0.87,
    examples: {
      positive: ['obj = pickle.loads(request.data)', 'cfg = yaml.load(open("c.yml"))', 'ObjectInputStream in = new ObjectInputStream(sock.getInputStream());\nObject o = in.readObject();', 'var bf = new BinaryFormatter();', '$data = unserialize($_COOKIE["prefs"]);', 'obj = Marshal.load(File.read(path))', 'yaml.load(data, Loader=yaml.Loader)'],
      negative: ['cfg = yaml.safe_load(f)', 'cfg = yaml.load(f, Loader=yaml.SafeLoader)', 'data = json.loads(body)', 'var o = JsonSerializer.Deserialize<Order>(json);'],
    },
  },
  // ------------------------------------------------------------------ password hashing
  {
    id: 'code-weak-password-hash',
    kind: 'unsafe-code',
    type: 'WEAK_PASSWORD_HASH',
    cwe: 'CWE-916',
    description: 'Hashes a password with a fast digest (MD5/SHA-1/SHA-256) instead of a password KDF.',
    safer: 'Use bcrypt, scrypt, Argon2 or PBKDF2 with a per-user salt (e.g. argon2-cffi, bcrypt, password_hash()).',
    keywords: ['hashlib.', 'createhash', 'md5', 'sha1', 'sha256', 'sha512', 'hash', 'digest::', 'messagedigest.', 'cryptojs.'],
    pattern:
      /\bhashlib\.(?:md5|sha1|sha224|sha256|sha384|sha512|new)\s*\(|\bcreateHash\s*\(\s*["'](?:md5|sha1|sha256|sha512)["']\s*\)\s*\.update\s*\(|\b(?:md5|sha1|hash)\s*\(\s*(?:["'](?:md5|sha1|sha256)["']\s*,\s*)?\$|\b(?:md5|sha1|sha256|sha512)\.Sum(?:256|512)?\s*\(|\bDigest::(?:MD5|SHA1|SHA256|SHA2)\.(?:hexdigest|digest|base64digest)\s*\(|\bMessageDigest\.getInstance\s*\(\s*["'](?:MD5|SHA-?1|SHA-?256|SHA-?512)["']|\b(?:MD5|SHA1|SHA256|SHA512)(?:\.Create\s*\(|\.HashData|CryptoServiceProvider)|\bCryptoJS\.(?:MD5|SHA1|SHA256)\s*\(/gi,
    nearRequires: /pass(?:word|wd|phrase)?|\bpwd\b|\bpw\b/i,
    unlessBlock: /\b(?:bcrypt|scrypt|argon2|pbkdf2|PBKDF2|Rfc2898DeriveBytes|password_hash|hashpw|PasswordHasher|passlib|SecretKeyFactory)\b/,
    confidence: 0.8,
    examples: {
      positive: ['hashed = hashlib.md5(password.encode()).hexdigest()', "const h = crypto.createHash('sha256').update(password).digest('hex');", '$hash = md5($password);', 'sum := sha256.Sum256([]byte(password))', 'MessageDigest md = MessageDigest.getInstance("SHA-256");\nbyte[] h = md.digest(password.getBytes());', 'digest = Digest::SHA256.hexdigest(password)'],
      negative: ['hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())', 'checksum = hashlib.sha256(file_bytes).hexdigest()', 'key = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)'],
    },
  },
  // ------------------------------------------------------------------ JWT
  {
    id: 'code-jwt-unverified',
    kind: 'unsafe-code',
    type: 'JWT_NOT_VERIFIED',
    cwe: 'CWE-347',
    description: 'Accepts JWTs without verifying the signature, or allows the "none" algorithm.',
    safer: 'Verify with a pinned algorithm and key: jwt.decode(token, key, algorithms=["HS256"]) / jwt.verify(token, key, { algorithms: ["RS256"] }).',
    keywords: ['jwt.', 'verify_signature', '"verify_signature', "'verify_signature", 'algorithm', '"alg"', "'alg'", 'signingmethodnone', 'unsafeallownonesignaturetype', '.parseunverified', '.parseclaimsjwt', 'verify:'],
    pattern:
      /\bjwt\.decode\s*\([^)\n]{0,200}?verify\s*=\s*False|["']?verify_signature["']?\s*:\s*False\b|\balgorithms?\s*[=:]\s*(?:\[\s*)?["']none["']|["']alg["']\s*:\s*["']none["']|\bjwt\.ParseUnverified\s*\(|\.ParseUnverified\s*\(|\bSigningMethodNone\b|\bUnsafeAllowNoneSignatureType\b|\.parseClaimsJwt\s*\(|\bJWT\.decode\s*\([^)\n]{0,120}?,\s*nil\s*,\s*false|\bjwt\.decode\s*\((?=[^)\n]{0,200}\))(?![^)\n]{0,200}(?:algorithms|key|secret))/gi,
    unlessBlock: /\bjwt\.verify\s*\(|\bjwtVerify\s*\(/,
    confidence: 0.85,
    examples: {
      positive: ['payload = jwt.decode(token, verify=False)', 'jwt.decode(token, key, options={"verify_signature": False})', 'jwt.decode(token, key, algorithms=["none"])', "const user = jwt.decode(req.headers.authorization);", 'token, _, err := new(jwt.Parser).ParseUnverified(raw, claims)'],
      negative: ['payload = jwt.decode(token, key, algorithms=["HS256"])', "const user = jwt.verify(token, secret, { algorithms: ['HS256'] });"],
    },
  },
  // ------------------------------------------------------------------ XSS
  {
    id: 'code-xss-sink',
    kind: 'unsafe-code',
    type: 'XSS',
    cwe: 'CWE-79',
    description: 'Writes variable data into HTML without escaping (innerHTML, dangerouslySetInnerHTML, document.write, v-html, |safe, html_safe).',
    safer: 'Insert text with textContent / createTextNode, or sanitize with DOMPurify; keep template auto-escaping on.',
    keywords: ['.innerhtml', '.outerhtml', '.insertadjacenthtml', 'dangerouslysetinnerhtml', 'document.write', 'v-html', '{{', '{%', '.html_safe', '<%==', '<%=', 'raw', 'bypasssecuritytrust', 'template.html', 'echo', 'print', 'mark_safe', '$(', 'res.send', 'res.write'],
    pattern:
      /\.(?:innerHTML|outerHTML)\s*\+?=\s*(?:[A-Za-z_$(]|`[^`\n]{0,300}\$\{|["'][^"'\n]{0,300}["']\s*\+)|\.insertAdjacentHTML\s*\(\s*["'][\w-]{1,20}["']\s*,\s*(?:[A-Za-z_$]|`[^`\n]{0,300}\$\{|["'][^"'\n]{0,300}["']\s*\+)|\bdangerouslySetInnerHTML\s*=\s*\{\{\s*__html\s*:(?![^}\n]{0,120}(?:DOMPurify|sanitize))|\bdocument\.(?:write|writeln)\s*\(\s*(?:[A-Za-z_$]|["'][^"'\n]{0,300}["']\s*\+|`[^`\n]{0,300}\$\{)|\bv-html\s*=|\{\{[^}|\n]{1,120}\|\s*safe\s*\}\}|\{%\s*autoescape\s+(?:false|off)\s*%\}|\.html_safe\b|<%==|<%=\s*raw\s+(?:params|@?[a-z_]\w{0,40})|(?<![\w.$])raw\s*\(\s*(?:params|@?[a-z_]\w{0,40})|\bbypassSecurityTrust(?:Html|Script|Url|ResourceUrl)\s*\(|\btemplate\.HTML\s*\(\s*[a-zA-Z_]|\b(?:echo|print)\s+\$_(?:GET|POST|REQUEST|COOKIE)|\bmark_safe\s*\(\s*(?:f["']|[a-z_]\w{0,40}\s*\)|request)|\bres\.(?:send|write)\s*\(\s*(?:["'][^"'\n]{0,200}["']\s*\+\s*req\.(?:query|params|body)|`[^`\n$]{0,200}\$\{\s*req\.(?:query|params|body))|\$\([^)\n]{1,80}\)\.html\s*\(\s*(?:[a-zA-Z_$][\w$.]{0,60}\s*\)|["'][^"'\n]{0,200}["']\s*\+)/g,
    unlessLine: /DOMPurify\.sanitize|\bsanitize(?:Html)?\s*\(|escapeHtml\s*\(|\bhtmlspecialchars\s*\(|\bhtml\.escape\s*\(|\binnerHTML\s*=\s*["'`]{2}/,
    confidence: 0.8,
    examples: {
      positive: ['el.innerHTML = userComment;', 'div.innerHTML = `<p>${name}</p>`;', '<div dangerouslySetInnerHTML={{ __html: post.body }} />', 'document.write(location.hash.slice(1));', '<div v-html="message"></div>', '{{ comment | safe }}', '<%= params[:q].html_safe %>', 'echo $_GET["name"];', '<%= raw @comment.body %>', '<%= raw(params[:bio]) %>'],
      negative: [
        'el.textContent = userComment;',
        "el.innerHTML = '';",
        '<div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(post.body) }} />',
        '{{ comment }}',
        "el.innerHTML = '<b>Loading</b>';",
        "it('keeps the trailing newline in raw when the source has one', () => {});", // the word raw in a string
        'const path = String.raw(template, ...values);',
      ],
    },
  },
  // ------------------------------------------------------------------ hard-coded credentials
  {
    id: 'code-hardcoded-credential',
    kind: 'unsafe-code',
    type: 'HARDCODED_CREDENTIAL',
    cwe: 'CWE-798',
    description: 'A password, secret or API key written into the code, or a connection string with a password.',
    safer: 'Read secrets from the environment or a secret manager (os.environ["DB_PASSWORD"], process.env.API_KEY).',
    keywords: ['pass', 'pwd', 'secret', 'api_key', 'apikey', 'api_token', 'apitoken', 'bearer', 'bot_token', 'bottoken', 'github_token', 'githubtoken', 'slack_token', 'slacktoken', 'client_secret', 'clientsecret', 'access_token', 'accesstoken', 'auth_token', 'authtoken', 'private_key', 'privatekey', 'postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver', 'oracle', 'ftp', 'sftp', 'smtp', 'ldap'],
    pattern:
      /(?:password|passwd|passphrase|pwd|secret|api_?key|apikey|api_?token|access_?token|auth_?token|bearer_?token|bot_?token|github_?token|slack_?token|client_?secret|private_?key|secret_?key)[A-Za-z0-9_]{0,30}["']?\s*(?::=|=|:|=>)\s*["'](?!\s*["'])(?!(?:\$\{|\{\{|%\(|<|\*{3}|x{4}|your[_-]|change[_-]?me\b|example|placeholder|dummy|test\b|todo|xxx|\.\.\.|none\b|null\b|env\b|process\.env|[^"'\s]{0,12}(?:password|passwd|secret|token)[\])]?["']|~?\.{0,2}\/|[^"'\s]{0,3}\*{3}))[^"'\s]{4,200}["']|\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle|ftp|sftp|smtp|ldap)s?:\/\/[^:\s\/@"']{1,80}:(?!\$\{|%\(|<|\*{3}|password@|pass@|secret@|\{)[^@\s\/"']{3,120}@|(?<![\w$.])(?:Password|Pwd)\s*=\s*(?!\$\{|%|\{|<|(?:null|undefined|none|nil|true|false)\s*;|[\w$.]{1,60}\([^()\n]{0,60}\)\s*;)[^;"'\s]{3,120}\s*;/gi,
    unlessLine: /\b(?:os\.environ|os\.getenv|getenv|process\.env|System\.getenv|Environment\.GetEnvironmentVariable|ENV\[|config\[|settings\.|getpass|input\s*\(|argv|placeholder=|type=["']password|label|assert|expect|mock|fake|example\.com|localhost:\d+\/test)/i,
    // A quoted type in an annotation ("private_key: \"_RSAPrivateKey\"") names a class; checked case-sensitively here
    // because the pattern is case-blind.
    validate: (match) => !/^(?=[^a-z]*[a-z])_?(?:[A-Z][a-z0-9]*){2,}$/.test(/["']([^"']*)["']\s*$/.exec(match)?.[1] ?? ''),
    confidence: 0.75,
    examples: {
      positive: ['DB_PASSWORD = "Sup3rS3cret!"', 'const apiKey = "sk_live_51HxQ2eZvKYlo2C";', 'conn = psycopg2.connect("postgresql://admin:hunter22@db.internal:5432/app")', 'string cs = "Server=db;Database=app;User Id=sa;Password=P@ssw0rd1;";', 'password: "correct-horse-battery"'],
      negative: [
        'DB_PASSWORD = os.environ["DB_PASSWORD"]',
        'const apiKey = process.env.API_KEY;',
        'password = getpass.getpass()',
        'password = ""',
        '<input type="password" name="password">',
        'url = "postgresql://app@localhost/app"',
        "const passwordKey = ':_password'", // the name of a field, not its value
        'e.password=null;', // cleared, not set
        'const pwd = process.cwd();', // the working directory
        'env.pwd = pwd;',
        "parse('beep', { PWD: '/home/robot' })", // a path
        'password: "[type=password]",', // a selector
        'def sign(backend: "Backend", private_key: "_RSAPrivateKey", data: bytes):', // a type in quotes
        'password = ":****"', // masked
      ],
    },
  },
  // ------------------------------------------------------------------ C/C++ memory safety
  {
    id: 'code-c-unsafe-buffer',
    kind: 'unsafe-code',
    type: 'BUFFER_OVERFLOW',
    cwe: 'CWE-120',
    description: 'C string functions with no bounds (gets, strcpy, strcat, sprintf, scanf("%s")) overflow buffers.',
    safer: 'Use bounded versions: fgets, snprintf, strlcpy/strncpy with explicit termination, scanf("%63s").',
    keywords: ['gets', 'strcpy', 'strcat', 'wcscpy', 'wcscat', 'lstrcpy', 'lstrcat', 'vsprintf', 'sprintf', 'scanf', 'fscanf', 'sscanf'],
    langs: ['c'],
    pattern: /(?<![\w.>:])(?:gets|strcpy|strcat|wcscpy|wcscat|lstrcpy|lstrcat|vsprintf|sprintf)\s*\(|\b(?:scanf|fscanf|sscanf)\s*\((?:\s*\w{1,40}\s*,)?\s*"(?:[^"\n%]|%[^s"\n]){0,50}%s/g,
    unlessLine: /\/\/\s*safe|\bfgets\s*\(/,
    confidence: 0.7,
    examples: {
      positive: ['char buf[16];\ngets(buf);', 'strcpy(dest, argv[1]);', 'sprintf(out, "%s/%s", dir, name);', 'scanf("%s", name);'],
      negative: ['fgets(buf, sizeof buf, stdin);', 'snprintf(out, sizeof out, "%s/%s", dir, name);', 'scanf("%63s", name);'],
    },
  },
  {
    id: 'code-c-format-string',
    kind: 'unsafe-code',
    type: 'FORMAT_STRING',
    cwe: 'CWE-134',
    description: 'printf-family call whose format string is a variable (attacker-controlled formats read/write memory).',
    safer: 'Always pass a literal format: printf("%s", msg).',
    keywords: ['printf', 'syslog', 'fprintf'],
    langs: ['c'],
    pattern: /(?<![\w.])(?:printf\s*\(|syslog\s*\(\s*\w{1,40}\s*,|fprintf\s*\(\s*\w{1,40}\s*,)\s*(?:[a-z_]\w{0,40}|argv\s*\[\s*\d\s*\])\s*\)\s*;/g,
    confidence: 0.75,
    examples: {
      positive: ['printf(user_input);', 'fprintf(stderr, msg);', 'printf(argv[1]);'],
      negative: ['printf("%s", user_input);', 'printf("hello\\n");'],
    },
  },
  // ------------------------------------------------------------------ path traversal / SSRF with request data
  {
    id: 'code-path-traversal',
    kind: 'unsafe-code',
    type: 'PATH_TRAVERSAL',
    cwe: 'CWE-22',
    description: 'Opens or serves a file path taken straight from the request.',
    safer: 'Resolve against a base directory and check the result stays inside it (os.path.realpath + commonpath), or use send_from_directory.',
    keywords: ['open', 'send_file', 'io.open', 'codecs.open', 'path', 'fs.', 'readfile', 'createreadstream', 'res.sendfile', 'file_get_contents', 'fopen', 'include', 'require', 'file.'],
    pattern:
      /\b(?:open|send_file|io\.open|codecs\.open|Path)\s*\(\s*(?:f["'][^"'\n{]{0,120}\{\s*)?request\.(?:args|form|values|GET|POST|params|query_params|json)|\b(?:fs\.)?(?:readFile|readFileSync|createReadStream)\s*\(\s*(?:`[^`\n$]{0,120}\$\{\s*)?req\.(?:query|params|body)|\bres\.sendFile\s*\(\s*(?:`[^`\n$]{0,120}\$\{\s*)?req\.(?:query|params|body)|\b(?:file_get_contents|fopen|readfile|include|include_once|require|require_once)\s*(?:\(\s*)?(?:["'][^"'\n]{0,120}["']\s*\.\s*)?\$_(?:GET|POST|REQUEST|COOKIE)|\bFile\.(?:read|open|new)\s*\(\s*params\[/g,
    confidence: 0.75,
    examples: {
      positive: ['return open(request.args["file"]).read()', 'res.sendFile(req.query.path);', 'include($_GET["page"] . ".php");', 'fs.readFile(`./uploads/${req.params.name}`, cb);'],
      negative: ['return send_from_directory(UPLOADS, filename)', 'fs.readFile(path.join(BASE, safeName), cb);'],
    },
  },
  {
    id: 'code-flask-debug',
    kind: 'unsafe-code',
    type: 'DEBUG_ENABLED',
    cwe: 'CWE-489',
    description: 'Runs Flask/Werkzeug with debug=True, whose debugger console allows remote code execution if exposed.',
    safer: 'Use debug only locally via FLASK_DEBUG=1 in development; never in deployed code.',
    keywords: ['app.run'],
    langs: ['python'],
    pattern: /\bapp\.run\s*\([^()\n]{0,200}?debug\s*=\s*True/g,
    confidence: 0.7,
    examples: {
      positive: ['app.run(host="0.0.0.0", debug=True)'],
      negative: ['app.run(host="127.0.0.1", port=5000)'],
    },
  },
  {
    id: 'code-insecure-random-secret',
    kind: 'unsafe-code',
    type: 'INSECURE_RANDOM',
    cwe: 'CWE-338',
    description: 'Generates a token/password/secret with a non-cryptographic random generator.',
    safer: 'Use secrets.token_urlsafe() / crypto.randomBytes() / crypto.getRandomValues() / SecureRandom.',
    keywords: ['token', 'password', 'passwd', 'secret', 'api_key', 'apikey', 'session_id', 'sessionid', 'nonce', 'otp', 'salt', 'reset_code', 'resetcode', 'reset_token', 'resettoken'],
    pattern:
      /(?:token|password|passwd|secret|api_?key|session_?id|nonce|otp|salt|reset_?code|reset_?token)\w{0,20}\s*=[^\n;]{0,80}?\b(?:Math\.random\s*\(|random\.(?:random|randint|choice|choices|sample|getrandbits)\s*\(|rand\s*\(\s*\)|mt_rand\s*\(|new\s+Random\s*\()/gi,
    confidence: 0.7,
    examples: {
      positive: ['token = "".join(random.choice(chars) for _ in range(32))', 'const resetToken = Math.random().toString(36).slice(2);'],
      negative: ['token = secrets.token_urlsafe(32)', 'const delay = Math.random() * 1000;'],
    },
  },
  // ------------------------------------------------------------------ more web/crypto idioms
  {
    id: 'code-template-injection',
    kind: 'unsafe-code',
    type: 'TEMPLATE_INJECTION',
    cwe: 'CWE-1336',
    description: 'Builds a server-side template from request data (render_template_string / Template with concatenation).',
    safer: 'Keep the template constant and pass data as variables: render_template_string("Hello {{ name }}", name=name).',
    keywords: ['render_template_string', 'template(', 'environment().from_string', 'from_string'],
    langs: ['python'],
    pattern:
      /\b(?:render_template_string|Template|from_string)\s*\(\s*(?:f["']|request\.|["'][^"'\n]{0,200}["']\s*(?:\+|%))/g,
    confidence: 0.8,
    examples: {
      positive: ["return render_template_string('<h1>Hello ' + request.args['name'] + '</h1>')", 'render_template_string(f"<p>{comment}</p>")'],
      negative: ['render_template_string("<h1>Hello {{ name }}</h1>", name=name)'],
    },
  },
  {
    id: 'code-path-join-request',
    kind: 'unsafe-code',
    type: 'PATH_TRAVERSAL',
    cwe: 'CWE-22',
    description: 'Joins a request parameter onto a base directory and opens or serves it (join does not stop ../).',
    safer: 'Take the base name (path.basename / filepath.Base) or resolve and check the result stays inside the base directory.',
    keywords: ['res.sendfile', 'res.download', 'fs.', 'readfile', 'createreadstream', 'os.open', 'os.readfile', 'os.openfile', 'ioutil.readfile', 'open', 'send_file'],
    pattern:
      /\b(?:res\.(?:sendFile|download)|(?:fs\.)?(?:readFile|readFileSync|createReadStream)|os\.(?:Open|ReadFile|OpenFile)|ioutil\.ReadFile|open|send_file)\s*\(\s*(?:path\.(?:join|resolve)|filepath\.Join|path\.Join|os\.path\.join)\s*\([^)\n]{0,160}?(?:req\.(?:query|params|body)|r\.URL\.Query\(\)\.Get|r\.FormValue|c\.(?:Param|Query)|request\.(?:args|form|values|GET|POST))/g,
    unlessLine: /basename|filepath\.Base|secure_filename|path\.Base\(/,
    confidence: 0.75,
    examples: {
      positive: ["res.sendFile(path.join(__dirname, 'uploads', req.params.filename));", 'f, _ := os.Open(filepath.Join("/srv/files", r.URL.Query().Get("f")))'],
      negative: ['res.sendFile(path.basename(req.params.filename), { root: UPLOADS });'],
    },
  },
  {
    id: 'code-open-redirect',
    kind: 'unsafe-code',
    type: 'OPEN_REDIRECT',
    cwe: 'CWE-601',
    description: 'Redirects to a URL taken straight from the request.',
    safer: 'Redirect only to relative paths or an allow-list of known destinations.',
    keywords: ['res.redirect', 'redirect', 'http.redirect', 'header('],
    pattern:
      /\bres\.redirect\s*\(\s*(?:\d{3}\s*,\s*)?req\.(?:query|params|body)\.|\bredirect\s*\(\s*request\.(?:args|GET|POST|form|values|params)|\bhttp\.Redirect\s*\(\s*w\s*,\s*r\s*,\s*r\.(?:URL\.Query\(\)\.Get|FormValue)|\bheader\s*\(\s*["']Location:\s*["']\s*\.\s*\$_(?:GET|POST|REQUEST)/g,
    confidence: 0.7,
    examples: {
      positive: ['res.redirect(req.query.next as string);', "return redirect(request.args.get('next'))"],
      negative: ["res.redirect(allowed.has(next) ? next : '/home');"],
    },
  },
  {
    id: 'code-jwt-alg-none',
    kind: 'unsafe-code',
    type: 'JWT_NOT_VERIFIED',
    cwe: 'CWE-347',
    description: 'Accepts JWTs signed with the "none" algorithm.',
    safer: 'Pin the expected algorithm: algorithms: ["HS256"] (or RS256) and never allow "none".',
    keywords: ['algorithms'],
    pattern: /\balgorithms\s*[:=]\s*\[[^\]\n]{0,80}?["']none["']/gi,
    confidence: 0.85,
    examples: {
      positive: ["jwt.verify(t, key, { algorithms: ['none', 'HS256'] });"],
      negative: ["jwt.verify(t, key, { algorithms: ['HS256'] });"],
    },
  },
  {
    id: 'code-weak-cipher',
    kind: 'unsafe-code',
    type: 'WEAK_CRYPTO',
    cwe: 'CWE-327',
    description: 'Uses ECB mode, DES/3DES or RC4, or Java\'s bare "AES" (which defaults to ECB).',
    safer: 'Use an authenticated mode: AES/GCM/NoPadding, AESGCM, ChaCha20-Poly1305.',
    keywords: ['cipher.getinstance', 'mode_ecb', 'ciphermode.ecb', 'createcipheriv', 'des.new', 'arc4.new', 'descryptoserviceprovider', 'tripledes', 'des.create', 'des.newcipher', 'rc4.newcipher'],
    pattern:
      /\bCipher\.getInstance\s*\(\s*"(?:AES|DES|DESede|RC4|Blowfish)(?:\/ECB\/[\w]{0,20})?"|\bMODE_ECB\b|\bCipherMode\.ECB\b|\bcreateCipheriv\s*\(\s*["'](?:aes-\d{3}-ecb|des[\w-]{0,12}|rc4)["']|\b(?:DES|ARC4|DES3)\.new\s*\(|\b(?:DESCryptoServiceProvider|TripleDESCryptoServiceProvider)\b|\b(?:DES|TripleDES)\.Create\s*\(|\b(?:des|rc4)\.NewCipher\s*\(/g,
    confidence: 0.75,
    examples: {
      positive: ['Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding");', 'cipher = AES.new(key, AES.MODE_ECB)'],
      negative: ['Cipher c = Cipher.getInstance("AES/GCM/NoPadding");'],
    },
  },
  {
    id: 'code-trust-all-certs',
    kind: 'unsafe-code',
    type: 'TLS_VERIFY_DISABLED',
    cwe: 'CWE-295',
    description: 'A TrustManager/HostnameVerifier that accepts every certificate or host.',
    safer: 'Use the platform default trust store; pin a specific CA or certificate if you must customise it.',
    keywords: ['public void checkservertrusted', 'void checkservertrusted', 'checkservertrusted', 'sethostnameverifier', 'noophostnameverifier', 'allow_all_hostname_verifier'],
    pattern:
      /\bcheckServerTrusted\s*\([^)\n]{0,160}\)\s*(?:throws\s+[\w.]{1,60}\s*)?\{\s*\}|\bsetHostnameVerifier\s*\(\s*(?:\([^)\n]{0,80}\)\s*->\s*true|NoopHostnameVerifier|SSLConnectionSocketFactory\.ALLOW_ALL)|\bNoopHostnameVerifier\.INSTANCE\b|\bALLOW_ALL_HOSTNAME_VERIFIER\b/g,
    confidence: 0.85,
    examples: {
      positive: ['public void checkServerTrusted(X509Certificate[] c, String a) {}'],
      negative: ['TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());'],
    },
  },
  {
    id: 'code-reflected-output',
    kind: 'unsafe-code',
    type: 'XSS',
    cwe: 'CWE-79',
    description: 'Echoes request input into HTML without escaping.',
    safer: 'Escape on output: htmlspecialchars($x, ENT_QUOTES, "UTF-8"), or use a templating engine that auto-escapes.',
    keywords: ['echo', 'print'],
    langs: ['php'],
    pattern: /\b(?:echo|print)\s+(?:["'][^"'\n]{0,200}["']\s*\.\s*|"[^"\n$]{0,200})?\$_(?:GET|POST|REQUEST|COOKIE|SERVER)\[/g,
    unlessLine: /htmlspecialchars|htmlentities|intval|\(int\)|filter_var|strip_tags|json_encode/,
    confidence: 0.75,
    examples: {
      positive: ['echo "<p>Search results for: " . $_GET[\'q\'] . "</p>";'],
      negative: ["echo htmlspecialchars($_GET['q'], ENT_QUOTES, 'UTF-8');"],
    },
  },
  {
    id: 'code-cpp-system-concat',
    kind: 'unsafe-code',
    type: 'COMMAND_INJECTION',
    cwe: 'CWE-78',
    description: 'Runs a shell command built by string concatenation (std::system / popen).',
    safer: 'Avoid the shell: use posix_spawn/execv with an argument vector, or validate the argument against an allow-list.',
    keywords: ['system', 'std::system', 'popen', '_popen'],
    langs: ['c'],
    pattern: /\b(?:std::)?(?:system|_?popen)\s*\(\s*(?:\(\s*)?(?:std::string\s*\(\s*)?"[^"\n]{0,200}"\s*(?:\)\s*)?\+/g,
    confidence: 0.8,
    examples: {
      positive: ['std::system(("unzip " + filename).c_str());'],
      negative: ['std::system("clear");'],
    },
  },
  // ------------------------------------------------------------------ parsers, files, web settings
  {
    id: 'code-xml-external-entities',
    kind: 'unsafe-code',
    type: 'XXE',
    cwe: 'CWE-611',
    description: 'An XML parser left open to external entities and DTDs (XXE): a document can read local files or reach internal hosts.',
    safer: 'Disallow DOCTYPEs (setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)), or use defusedxml / DtdProcessing.Prohibit.',
    keywords: ['documentbuilderfactory.newinstance', 'saxparserfactory.newinstance', 'xmlinputfactory.newinstance', 'xmlinputfactory.newfactory', 'new saxreader', 'new saxbuilder', 'resolve_entities', 'dtdprocessing', 'libxml_noent', 'libxml_disable_entity_loader', 'xmlresolver'],
    pattern:
      /\b(?:DocumentBuilderFactory|SAXParserFactory|XMLInputFactory)\.new(?:Instance|Factory)\s*\(|\bnew\s+(?:SAXReader|SAXBuilder)\s*\(|\bresolve_entities\s*=\s*True\b|\bDtdProcessing\.Parse\b|\bLIBXML_NOENT\b|\blibxml_disable_entity_loader\s*\(\s*false\s*\)|\bXmlResolver\s*=\s*new\s+XmlUrlResolver\b/g,
    // A parser hardened in the same block is fine.
    unlessBlock:
      /disallow-doctype-decl|FEATURE_SECURE_PROCESSING|external-general-entities|SUPPORT_DTD\s*,\s*false|IS_SUPPORTING_EXTERNAL_ENTITIES\s*,\s*false|ACCESS_EXTERNAL_DTD|setExpandEntityReferences\s*\(\s*false|load-external-dtd|defusedxml/,
    confidence: 0.7,
    examples: {
      positive: [
        'DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();\nDocument doc = dbf.newDocumentBuilder().parse(request.getInputStream());',
        'parser = etree.XMLParser(resolve_entities=True)\ntree = etree.fromstring(body, parser)',
        'settings.DtdProcessing = DtdProcessing.Parse;',
        '$doc->loadXML($xml, LIBXML_NOENT);',
      ],
      negative: [
        'DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();\ndbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);',
        'from defusedxml.ElementTree import fromstring\ntree = fromstring(body)',
        'settings.DtdProcessing = DtdProcessing.Prohibit;',
      ],
    },
  },
  {
    id: 'code-insecure-tempfile',
    kind: 'unsafe-code',
    type: 'INSECURE_TEMPFILE',
    cwe: 'CWE-377',
    description: 'Makes a temporary file name and opens it later (mktemp, tmpnam): another process can create or link that path first.',
    safer: 'Create and open in one step: tempfile.NamedTemporaryFile / mkstemp(), or mkstemp() in C.',
    keywords: ['tempfile.mktemp', 'mktemp', 'tmpnam', 'tempnam'],
    langs: ['python', 'c'],
    pattern: /\btempfile\.mktemp\s*\(|(?<![\w.])(?<!def\s)(?:mktemp|tmpnam|tempnam)\s*\(/g,
    confidence: 0.7,
    examples: {
      positive: ['path = tempfile.mktemp(suffix=".csv")\nwith open(path, "w") as fh:\n    fh.write(data)', 'char *name = tmpnam(NULL);\nFILE *f = fopen(name, "w");'],
      negative: ['fd, path = tempfile.mkstemp(suffix=".csv")', 'with tempfile.NamedTemporaryFile() as fh:\n    fh.write(data)', 'int fd = mkstemp(template);', '```python\ndef tmpnam(self):\n    return self._violation("tmpnam")\n```'],
    },
  },
  {
    id: 'code-insecure-cookie',
    kind: 'unsafe-code',
    type: 'INSECURE_COOKIE',
    cwe: 'CWE-614',
    description: 'A session or auth cookie set without Secure or HttpOnly: it travels over plain HTTP or is readable by any script on the page.',
    safer: 'Set Secure, HttpOnly and SameSite on session cookies (SESSION_COOKIE_SECURE = True, httpOnly: true).',
    keywords: ['session_cookie_secure', 'session_cookie_httponly', 'csrf_cookie_secure', 'httponly', 'secure'],
    pattern: /\b(?:SESSION_COOKIE_SECURE|SESSION_COOKIE_HTTPONLY|CSRF_COOKIE_SECURE)\s*=\s*False\b|\b(?:httponly|httpOnly|HttpOnly|secure|Secure)\s*[:=]\s*(?:false|False)\b/g,
    // `secure: false` alone is also an SMTP/STARTTLS setting: only cookie and session code counts.
    nearRequires: /cookie|session/i,
    confidence: 0.65,
    examples: {
      positive: ['SESSION_COOKIE_SECURE = False', "app.use(session({ secret, cookie: { secure: false, httpOnly: false } }));", 'response.set_cookie("session", token, httponly=False)'],
      negative: ['SESSION_COOKIE_SECURE = True', "const transport = nodemailer.createTransport({ host, port: 587, secure: false });"],
    },
  },
  {
    id: 'code-csrf-disabled',
    kind: 'unsafe-code',
    type: 'CSRF_DISABLED',
    cwe: 'CWE-352',
    description: 'Turns off CSRF protection: other sites can submit forms as a logged-in user (fine only for token-authenticated APIs without cookies).',
    safer: 'Keep CSRF protection on for cookie-authenticated endpoints; exempt only stateless token APIs, deliberately.',
    keywords: ['csrf', '@csrf_exempt', 'skip_before_action', 'protect_from_forgery'],
    pattern: /\bcsrf\s*\(\s*\)\s*\.\s*disable\s*\(\s*\)|\bcsrf\s*\(\s*(?:\w{1,20}\s*->\s*\w{1,20}\.disable\s*\(\s*\)|AbstractHttpConfigurer::disable)\s*\)|@csrf_exempt\b|\bskip_before_action\s+:verify_authenticity_token\b|\bprotect_from_forgery\s+with:\s*:null_session\b/g,
    confidence: 0.6,
    examples: {
      positive: [
        'http.csrf().disable().authorizeRequests();',
        'http.csrf(csrf -> csrf.disable());',
        '```python\n@csrf_exempt\ndef transfer(request):\n    return move_money(request.POST)\n```',
        'skip_before_action :verify_authenticity_token',
      ],
      negative: ['http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()));', "{% csrf_token %}"],
    },
  },
  {
    id: 'code-cors-any-origin-credentials',
    kind: 'unsafe-code',
    type: 'CORS_MISCONFIGURED',
    cwe: 'CWE-942',
    description: 'CORS that accepts any origin together with credentials: every website can read this API\'s responses as the logged-in user.',
    safer: 'List the allowed origins explicitly when credentials are allowed; never reflect or wildcard the origin.',
    keywords: ['allow_origins', 'origin', 'access-control-allow-origin'],
    pattern: /\ballow_origins\s*=\s*\[\s*["']\*["']\s*\]|\borigin\s*:\s*(?:true|["']\*["'])|\bAccess-Control-Allow-Origin["']?\s*[,:]\s*["']?\*/g,
    requires: /allow_credentials\s*=\s*True|credentials\s*:\s*true|Access-Control-Allow-Credentials["']?\s*[,:]\s*["']?true/i,
    confidence: 0.7,
    examples: {
      positive: [
        'app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)',
        "app.use(cors({ origin: true, credentials: true }));",
        "res.setHeader('Access-Control-Allow-Origin', '*');\nres.setHeader('Access-Control-Allow-Credentials', 'true');",
      ],
      negative: ['app.add_middleware(CORSMiddleware, allow_origins=["*"])', "app.use(cors({ origin: ['https://app.example.com'], credentials: true }));"],
    },
  },
  {
    id: 'code-php-file-inclusion',
    kind: 'unsafe-code',
    type: 'FILE_INCLUSION',
    cwe: 'CWE-98',
    description: 'PHP include/require of a path taken from the request: runs any file, or a remote one, as code.',
    safer: 'Map the request value to a fixed list of allowed files; never build include paths from input.',
    keywords: ['include', 'require'],
    langs: ['php'],
    pattern: /\b(?:include|require)(?:_once)?\s*(?:\(\s*)?(?:["'][^"'\n]{0,60}["']\s*\.\s*)?\$_(?:GET|POST|REQUEST|COOKIE)\b/g,
    confidence: 0.85,
    examples: {
      positive: ["include($_GET['page']);", "require_once 'pages/' . $_GET['p'];"],
      negative: ["include 'header.php';", "$page = in_array($_GET['p'], $allowed, true) ? $_GET['p'] : 'home';\ninclude __DIR__ . \"/pages/$page.php\";"],
    },
  },
  {
    id: 'code-c-memcpy-unchecked-length',
    kind: 'unsafe-code',
    type: 'BUFFER_OVERFLOW',
    cwe: 'CWE-120',
    description: 'memcpy into a fixed-size array with a length that is not checked against it: a longer input overwrites the stack.',
    safer: 'Check the length against sizeof the destination first (if (len > sizeof dst) return -1;), or copy min(len, sizeof dst).',
    keywords: ['memcpy', 'memmove'],
    langs: ['c'],
    pattern: /(?<![\w.>:])(?:memcpy|memmove)\s*\(\s*&?[A-Za-z_]\w{0,40}\s*,[^;,\n]{1,120},\s*(?!sizeof\b)[A-Za-z_][\w.>\-[\] ]{0,80}\)\s*;/g,
    // The block declares a fixed-size buffer and never compares a length with sizeof or clamps it.
    requires: /\b(?:char|u?int8_t|u8|unsigned\s+char|BYTE|uchar)\s+[A-Za-z_]\w*\s*\[\s*\d+\s*\]/,
    unlessBlock: /\bsizeof[ (]{1,3}\w{1,40}\)? ?[<>]|[<>]=? ?sizeof\b|\b(?:min|MIN)\s?\(/,
    confidence: 0.6,
    examples: {
      positive: ['char dst[16];\nmemcpy(dst, packet->payload, packet->len);'],
      negative: [
        'char dst[16];\nif (packet->len > sizeof dst) return -1;\nmemcpy(dst, packet->payload, packet->len);',
        'char dst[16];\nmemcpy(dst, src, sizeof dst);',
        'memcpy(out, in, n);',
      ],
    },
  },
];
