-- Mailgate passdb and userdb for Dovecot 2.3 (Lua, `blocking=yes`).
--
-- passdb: every IMAP, POP3 and SMTP AUTH (Postfix through Dovecot SASL) login is POSTed to
--   Mailgate's /api/mail/v1/auth, which decides. userdb: GET /api/mail/v1/users/{email} gives the
--   per-user fields (LMTP delivery, doveadm), so no static userdb is needed.
--
-- Settings come from the environment, which Dovecot passes to its auth processes through
-- `import_environment` (see conf.d/90-mailgate-auth.conf):
--   MAILGATE_URL          base URL, loopback or https:// only (default http://127.0.0.1:3000)
--   MAILGATE_TOKEN_FILE   file holding the service token (default /etc/dovecot/mailgate.token)
--   MAILGATE_TOKEN        the token itself (only if a file is impossible: doveconf shows it)
--   MAILGATE_TIMEOUT_MSECS  per-request timeout (default 5000)
--
-- Whatever goes wrong (Mailgate down, timeout, unexpected answer), the answer is a temporary
-- failure, never an allow.

local auth = dovecot.auth

local settings = {
  url = (os.getenv("MAILGATE_URL") or "http://127.0.0.1:3000"):gsub("/+$", ""),
  token_file = os.getenv("MAILGATE_TOKEN_FILE") or "/etc/dovecot/mailgate.token",
  token = os.getenv("MAILGATE_TOKEN"),
  timeout = tonumber(os.getenv("MAILGATE_TIMEOUT_MSECS") or "") or 5000,
}

-- The request carries the password: plain http is only acceptable when it never leaves the host.
local function url_is_safe(url)
  if url:match("^https://") then return true end
  local host = url:match("^http://%[([^%]]+)%]") or url:match("^http://([^/:]+)")
  return host == "localhost" or host == "::1" or (host ~= nil and host:match("^127%.%d+%.%d+%.%d+$") ~= nil)
end
local url_problem = not url_is_safe(settings.url)
  and ("MAILGATE_URL must be https:// or a loopback http:// address, not " .. settings.url)

-- Dovecot service name -> Mailgate protocol. `smtp` is what Postfix sends over the SASL socket;
-- `submission` is Dovecot's own submission service. Anything else (doveadm, managesieve...) is refused.
local PROTOCOLS = { imap = "imap", pop3 = "pop3", smtp = "smtp", submission = "smtp" }

-- Refusals that Mailgate gives only after the credential was verified. For IMAP and POP3 the
-- client may read why (Dovecot's `nologin` + `reason`). Never for SMTP or any other SASL client:
-- Postfix treats a `nologin` answer as a successful authentication.
local READABLE_REFUSALS = {
  ACCOUNT_DISABLED = "This account is disabled.",
  PROTOCOL_DISABLED = "%s access is turned off for this account. It can be turned on in Mailgate.",
  PROTOCOL_EXPIRED = "%s access for this account has expired. It can be turned on again in Mailgate.",
  TLS_REQUIRED = "Please connect with TLS (STARTTLS or SSL) to log in.",
  MAIN_PASSWORD_NOT_ALLOWED = "Mail programs need an app password for this account (see Mailgate).",
  APP_PASSWORD_SCOPE = "This app password is not allowed for %s.",
  APP_PASSWORD_EXPIRED = "This app password has expired.",
}
local NOLOGIN_SERVICES = { imap = true, pop3 = true }

---------------------------------------------------------------------------------------------------
-- JSON. Dovecot ships no JSON library; these two functions are all the script needs.

local ESCAPES = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n",
  ["\r"] = "\\r", ["\t"] = "\\t" }

-- Every byte below 0x20, DEL, the quote and the backslash is escaped; all other bytes (UTF-8
-- included) pass through untouched, so Mailgate sees exactly what the client sent.
local function json_string(value)
  return '"' .. tostring(value or ""):gsub('[%z\1-\31"\\\127]', function(c)
    return ESCAPES[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local json_decode
do
  local UNESCAPES = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }

  local function skip(text, pos)
    return text:find("[^ \t\r\n]", pos) or #text + 1
  end

  local parse_value

  local function parse_string(text, pos)
    local parts, i = {}, pos + 1
    while true do
      local stop = text:find('["\\]', i)
      if not stop then error("unterminated string") end
      parts[#parts + 1] = text:sub(i, stop - 1)
      if text:sub(stop, stop) == '"' then return table.concat(parts), stop + 1 end
      local kind = text:sub(stop + 1, stop + 1)
      if kind == "u" then
        local code = tonumber(text:sub(stop + 2, stop + 5), 16)
        if not code then error("bad \\u escape") end
        i = stop + 6
        if code >= 0xD800 and code <= 0xDBFF and text:sub(i, i + 1) == "\\u" then
          local low = tonumber(text:sub(i + 2, i + 5), 16)
          if low and low >= 0xDC00 and low <= 0xDFFF then
            code = 0x10000 + (code - 0xD800) * 0x400 + (low - 0xDC00)
            i = i + 6
          end
        end
        parts[#parts + 1] = utf8.char(code)
      elseif UNESCAPES[kind] then
        parts[#parts + 1] = UNESCAPES[kind]
        i = stop + 2
      else
        error("bad escape")
      end
    end
  end

  local function parse_object(text, pos)
    local result = {}
    pos = skip(text, pos + 1)
    if text:sub(pos, pos) == "}" then return result, pos + 1 end
    while true do
      if text:sub(pos, pos) ~= '"' then error("object key expected") end
      local key
      key, pos = parse_string(text, pos)
      pos = skip(text, pos)
      if text:sub(pos, pos) ~= ":" then error("colon expected") end
      result[key], pos = parse_value(text, skip(text, pos + 1))
      pos = skip(text, pos)
      local sep = text:sub(pos, pos)
      if sep == "}" then return result, pos + 1 end
      if sep ~= "," then error("comma expected") end
      pos = skip(text, pos + 1)
    end
  end

  local function parse_array(text, pos)
    local result = {}
    pos = skip(text, pos + 1)
    if text:sub(pos, pos) == "]" then return result, pos + 1 end
    while true do
      result[#result + 1], pos = parse_value(text, pos)
      pos = skip(text, pos)
      local sep = text:sub(pos, pos)
      if sep == "]" then return result, pos + 1 end
      if sep ~= "," then error("comma expected") end
      pos = skip(text, pos + 1)
    end
  end

  local LITERALS = { ["true"] = true, ["false"] = false }

  parse_value = function(text, pos)
    pos = skip(text, pos)
    local c = text:sub(pos, pos)
    if c == "{" then return parse_object(text, pos) end
    if c == "[" then return parse_array(text, pos) end
    if c == '"' then return parse_string(text, pos) end
    local word = text:match("^%a+", pos)
    if word == "null" then return nil, pos + 4 end
    if LITERALS[word] ~= nil then return LITERALS[word], pos + #word end
    local number = text:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
    if number and tonumber(number) then return tonumber(number), pos + #number end
    error("unexpected character at " .. pos)
  end

  -- Returns the decoded value, or nil and an error for anything that is not a single JSON value.
  json_decode = function(text)
    text = text or ""
    local ok, value, pos = pcall(parse_value, text, 1)
    if not ok then return nil, value end
    if skip(text, pos) <= #text then return nil, "trailing data" end
    return value
  end
end

---------------------------------------------------------------------------------------------------
-- HTTP

local client
local token

local function read_token()
  if settings.token and settings.token ~= "" then return settings.token end
  local file = io.open(settings.token_file, "r")
  if not file then return nil end
  local value = (file:read("a") or ""):match("^%s*(.-)%s*$")
  file:close()
  if value == "" then return nil end
  return value
end

-- Returns status, payload. Connection failures and timeouts come back from Dovecot's HTTP
-- client as statuses >= 9000.
local function call_mailgate(method, path, body)
  if url_problem then return nil, url_problem end
  token = token or read_token()
  if not token then return nil, "no service token (" .. settings.token_file .. ")" end
  client = client or dovecot.http.client({
    user_agent = "dovecot-mailgate/1",
    request_timeout_msecs = settings.timeout,
    connect_timeout_msecs = math.min(settings.timeout, 3000),
    -- One attempt: a retried login would be counted twice by Mailgate's brute-force defence.
    max_attempts = 1,
    -- Below Mailgate's 65 s keep-alive, so Dovecot never reuses a connection the server is closing.
    max_idle_time_msecs = 50000,
  })
  local request = client:request({ url = settings.url .. path, method = method })
  request:add_header("Authorization", "Bearer " .. token)
  request:add_header("Accept", "application/json")
  if body then
    request:add_header("Content-Type", "application/json")
    request:set_payload(body)
  end
  local response = request:submit()
  return response:status(), response:payload()
end

-- Why a call failed, for Dovecot's error log (never the payload: it could echo a secret).
local function failure_text(status, problem)
  if status == nil then return "mailgate: " .. tostring(problem) end
  if status >= 9000 then return "mailgate: cannot reach " .. settings.url .. " (" .. status .. ")" end
  if status == 401 or status == 403 then return "mailgate: the service token was refused (HTTP " .. status .. ")" end
  return "mailgate: unexpected HTTP status " .. status
end

local function url_encode(value)
  return (value:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

---------------------------------------------------------------------------------------------------
-- passdb

-- "Was this login protected by TLS?", per service. Dovecot's login processes say "TLS" under
-- SSL/STARTTLS and "secured" for plaintext from loopback or login_trusted_networks, which is
-- not TLS. Postfix says "secured" only when its SMTP session is under TLS.
local function used_tls(service, secured)
  if secured == "TLS" then return true end
  return service == "smtp" and secured == "secured"
end

local function refusal(service, protocol, reason)
  local message = READABLE_REFUSALS[reason]
  if message and NOLOGIN_SERVICES[service] then
    return auth.PASSDB_RESULT_OK, { nologin = "y", reason = message:format(protocol:upper()) }
  end
  if reason == "USER_UNKNOWN" then return auth.PASSDB_RESULT_USER_UNKNOWN, "" end
  return auth.PASSDB_RESULT_PASSWORD_MISMATCH, ""
end

function auth_password_verify(req, password)
  local service = req.service or ""
  local protocol = PROTOCOLS[service]
  if not protocol then
    req:log_info("mailgate: service " .. service .. " is not handled by Mailgate: refused")
    return auth.PASSDB_RESULT_PASSWORD_MISMATCH, ""
  end

  local body = '{"username":' .. json_string(req.user)
    .. ',"password":' .. json_string(password)
    .. ',"protocol":"' .. protocol .. '"'
    .. ',"clientIp":' .. json_string(req.rip)
    .. ',"secured":' .. (used_tls(service, req.secured) and "true" or "false")
  local port = tonumber(req.lport or "")
  if port and port > 0 then body = body .. ',"localPort":' .. string.format("%d", port) end
  if req.session and req.session ~= "" then body = body .. ',"sessionId":' .. json_string(req.session) end
  body = body .. "}"

  local status, payload = call_mailgate("POST", "/api/mail/v1/auth", body)
  if status == 200 then
    local answer = json_decode(payload)
    if type(answer) == "table" and answer.decision == "allow" and type(answer.user) == "string"
      and answer.user ~= "" then
      -- `user` switches Dovecot to the canonical address; userdb_* fields feed the prefetch userdb,
      -- so a login needs one request. mailgate_credential is always there to make prefetch apply.
      local fields = { user = answer.user, userdb_mailgate_credential = tostring(answer.credential) }
      for key, value in pairs(type(answer.userdb) == "table" and answer.userdb or {}) do
        if type(value) == "string" and key:match("^[%w_]+$") then fields["userdb_" .. key] = value end
      end
      req:log_info("mailgate: decision=allow credential=" .. tostring(answer.credential))
      return auth.PASSDB_RESULT_OK, fields
    end
    if type(answer) == "table" and answer.decision == "deny" then
      local reason = tostring(answer.reason):gsub("[^%w_]", "")
      req:log_info("mailgate: decision=deny reason=" .. reason)
      return refusal(service, protocol, reason)
    end
    return auth.PASSDB_RESULT_INTERNAL_FAILURE, "mailgate: unexpected answer to a login decision"
  end
  if status == 400 then
    -- The request broke the contract (e.g. invalid UTF-8 from the client): a failed login.
    local problem = json_decode(payload)
    local code = type(problem) == "table" and tostring(problem.code):gsub("[^%w_]", "") or "?"
    req:log_info("mailgate: decision=deny reason=INVALID_REQUEST code=" .. code)
    return auth.PASSDB_RESULT_PASSWORD_MISMATCH, ""
  end
  -- Everything else is a temporary failure; the returned text goes to Dovecot's error log.
  if status == 503 then return auth.PASSDB_RESULT_INTERNAL_FAILURE, "mailgate: decision=tempfail" end
  return auth.PASSDB_RESULT_INTERNAL_FAILURE, failure_text(status, payload)
end

---------------------------------------------------------------------------------------------------
-- userdb

function auth_userdb_lookup(req)
  local status, payload = call_mailgate("GET", "/api/mail/v1/users/" .. url_encode(req.user or ""))
  if status == 200 then
    local answer = json_decode(payload)
    if type(answer) == "table" and type(answer.user) == "string" and answer.user ~= "" then
      local fields = { user = answer.user }
      for key, value in pairs(type(answer.userdb) == "table" and answer.userdb or {}) do
        if type(value) == "string" and key:match("^[%w_]+$") then fields[key] = value end
      end
      return auth.USERDB_RESULT_OK, fields
    end
    return auth.USERDB_RESULT_INTERNAL_FAILURE, "mailgate: unexpected answer to a userdb lookup"
  end
  if status == 404 then return auth.USERDB_RESULT_USER_UNKNOWN, "" end
  return auth.USERDB_RESULT_INTERNAL_FAILURE, failure_text(status, payload)
end

function script_init()
  return 0
end

function script_deinit() end
