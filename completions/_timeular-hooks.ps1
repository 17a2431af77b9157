
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'timeular-hooks' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'timeular-hooks'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'timeular-hooks' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in with an API key and secret and cache the token')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Sign out: invalidate the token and forget it and any remembered secret')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, API URL, config file and sign-in state; --check asks the API')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'List the events one can subscribe to')
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'Register a webhook: one subscription per event, delivered to --url')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the subscriptions of the signed-in user')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'Remove subscriptions by id, by event and/or URL, or all of them')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive deliveries on a local HTTP server and print each as it arrives')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Post a realistic sample delivery of an event to a receiver')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Re-send deliveries saved by ''listen --save''')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff); with a command, that command''s page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'timeular-hooks;login' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key (from the EARLY web app''s profile page)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--api-secret-stdin', '--api-secret-stdin', [CompletionResultType]::ParameterName, 'Read the API secret from the first line of stdin (else TIMEULAR_API_SECRET, else a prompt)')
            [CompletionResult]::new('--remember', '--remember', [CompletionResultType]::ParameterName, 'Also store key and secret (0600) so an expired token renews itself')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;logout' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;status' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Also ask the API whether the cached token is accepted')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;events' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;subscribe' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Where the provider delivers the events: a public https URL')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--allow-duplicate', '--allow-duplicate', [CompletionResultType]::ParameterName, 'Subscribe even when the same event already goes to the same URL')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;list' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only subscriptions to this event (name or alias)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Only subscriptions delivering to exactly this URL')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;unsubscribe' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Remove every subscription to this event (with --url: to this event and URL)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Remove every subscription delivering to exactly this URL')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Remove all of the user''s subscriptions')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed for --all when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed for --all when stdin is not a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;listen' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to bind; anything but loopback opens the port to the network')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Port to listen on; 0 picks a free one')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on; 0 picks a free one')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Append every delivery to FILE as one JSON line, written before it is acknowledged')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Re-post every accepted delivery, bytes unchanged, to your own app')
            [CompletionResult]::new('--forward-timeout', '--forward-timeout', [CompletionResultType]::ParameterName, 'Timeout of each forward, in seconds')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Show only these events (names or aliases); the others are still acknowledged and saved')
            [CompletionResult]::new('--max-body', '--max-body', [CompletionResultType]::ParameterName, 'Largest body accepted, in bytes; larger ones get 413')
            [CompletionResult]::new('--subscribe', '--subscribe', [CompletionResultType]::ParameterName, 'Subscribe these events on start (needs --public-url) and remove them on exit')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'The public https URL that reaches this listener (from a tunnel such as ngrok)')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Path segment deliveries must come under (/<secret>/...); random with --subscribe')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Print the pretty JSON body below each delivery''s line')
            [CompletionResult]::new('--headers', '--headers', [CompletionResultType]::ParameterName, 'Print the request headers below each delivery''s line')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keep the subscriptions made by --subscribe when the listener exits')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;trigger' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Receiver to post to')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'Note text of the sample; <{{|t|ID|}}> and <{{|m|ID|}}> refer to its tag and mention')
            [CompletionResult]::new('--activity', '--activity', [CompletionResultType]::ParameterName, 'Activity name of the sample')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--print', '--print', [CompletionResultType]::ParameterName, 'Write the sample to stdout instead of posting it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;replay' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Receiver to post to')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only deliveries of these events (names or aliases)')
            [CompletionResult]::new('--seq', '--seq', [CompletionResultType]::ParameterName, 'Only the deliveries with these sequence numbers')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;completions' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;man' {
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use: each has its own API URL, token and remembered credentials')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of each HTTP request to the API, in seconds')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout instead of human output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print each HTTP request and its answer on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'timeular-hooks;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in with an API key and secret and cache the token')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Sign out: invalidate the token and forget it and any remembered secret')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, API URL, config file and sign-in state; --check asks the API')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'List the events one can subscribe to')
            [CompletionResult]::new('subscribe', 'subscribe', [CompletionResultType]::ParameterValue, 'Register a webhook: one subscription per event, delivered to --url')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the subscriptions of the signed-in user')
            [CompletionResult]::new('unsubscribe', 'unsubscribe', [CompletionResultType]::ParameterValue, 'Remove subscriptions by id, by event and/or URL, or all of them')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive deliveries on a local HTTP server and print each as it arrives')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Post a realistic sample delivery of an event to a receiver')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Re-send deliveries saved by ''listen --save''')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff); with a command, that command''s page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'timeular-hooks;help;login' {
            break
        }
        'timeular-hooks;help;logout' {
            break
        }
        'timeular-hooks;help;status' {
            break
        }
        'timeular-hooks;help;events' {
            break
        }
        'timeular-hooks;help;subscribe' {
            break
        }
        'timeular-hooks;help;list' {
            break
        }
        'timeular-hooks;help;unsubscribe' {
            break
        }
        'timeular-hooks;help;listen' {
            break
        }
        'timeular-hooks;help;trigger' {
            break
        }
        'timeular-hooks;help;replay' {
            break
        }
        'timeular-hooks;help;completions' {
            break
        }
        'timeular-hooks;help;man' {
            break
        }
        'timeular-hooks;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
