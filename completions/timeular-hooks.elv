
use builtin;
use str;

set edit:completion:arg-completer[timeular-hooks] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'timeular-hooks'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'timeular-hooks'= {
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Sign in with an API key and secret and cache the token'
            cand logout 'Sign out: invalidate the token and forget it and any remembered secret'
            cand status 'Show the profile, API URL, config file and sign-in state; --check asks the API'
            cand events 'List the events one can subscribe to'
            cand subscribe 'Register a webhook: one subscription per event, delivered to --url'
            cand list 'List the subscriptions of the signed-in user'
            cand unsubscribe 'Remove subscriptions by id, by event and/or URL, or all of them'
            cand listen 'Receive deliveries on a local HTTP server and print each as it arrives'
            cand trigger 'Post a realistic sample delivery of an event to a receiver'
            cand replay 'Re-send deliveries saved by ''listen --save'''
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff); with a command, that command''s page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'timeular-hooks;login'= {
            cand --api-key 'API key (from the EARLY web app''s profile page)'
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --api-secret-stdin 'Read the API secret from the first line of stdin (else TIMEULAR_API_SECRET, else a prompt)'
            cand --remember 'Also store key and secret (0600) so an expired token renews itself'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;logout'= {
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;status'= {
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --check 'Also ask the API whether the cached token is accepted'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;events'= {
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;subscribe'= {
            cand --url 'Where the provider delivers the events: a public https URL'
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --allow-duplicate 'Subscribe even when the same event already goes to the same URL'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;list'= {
            cand --event 'Only subscriptions to this event (name or alias)'
            cand --url 'Only subscriptions delivering to exactly this URL'
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;unsubscribe'= {
            cand --event 'Remove every subscription to this event (with --url: to this event and URL)'
            cand --url 'Remove every subscription delivering to exactly this URL'
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --all 'Remove all of the user''s subscriptions'
            cand -y 'Do not ask for confirmation (needed for --all when stdin is not a terminal)'
            cand --yes 'Do not ask for confirmation (needed for --all when stdin is not a terminal)'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;listen'= {
            cand --host 'Address to bind; anything but loopback opens the port to the network'
            cand -p 'Port to listen on; 0 picks a free one'
            cand --port 'Port to listen on; 0 picks a free one'
            cand --save 'Append every delivery to FILE as one JSON line, written before it is acknowledged'
            cand --forward-to 'Re-post every accepted delivery, bytes unchanged, to your own app'
            cand --forward-timeout 'Timeout of each forward, in seconds'
            cand --event 'Show only these events (names or aliases); the others are still acknowledged and saved'
            cand --max-body 'Largest body accepted, in bytes; larger ones get 413'
            cand --subscribe 'Subscribe these events on start (needs --public-url) and remove them on exit'
            cand --public-url 'The public https URL that reaches this listener (from a tunnel such as ngrok)'
            cand --secret 'Path segment deliveries must come under (/<secret>/...); random with --subscribe'
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --body 'Print the pretty JSON body below each delivery''s line'
            cand --headers 'Print the request headers below each delivery''s line'
            cand --keep 'Keep the subscriptions made by --subscribe when the listener exits'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;trigger'= {
            cand --url 'Receiver to post to'
            cand --note 'Note text of the sample; <{{|t|ID|}}> and <{{|m|ID|}}> refer to its tag and mention'
            cand --activity 'Activity name of the sample'
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --print 'Write the sample to stdout instead of posting it'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;replay'= {
            cand --url 'Receiver to post to'
            cand --event 'Only deliveries of these events (names or aliases)'
            cand --seq 'Only the deliveries with these sequence numbers'
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;completions'= {
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;man'= {
            cand --api-url 'Base URL of the Timeular API [default: the profile''s, else https://api.early.app/api/v3]'
            cand --config-dir 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]'
            cand --profile 'Profile to use: each has its own API URL, token and remembered credentials'
            cand --color 'When to colour output (NO_COLOR set and non-empty means never, unless ''always'')'
            cand --timeout 'Timeout of each HTTP request to the API, in seconds'
            cand --json 'Print JSON on stdout instead of human output'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print each HTTP request and its answer on stderr'
            cand --verbose 'Also print each HTTP request and its answer on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'timeular-hooks;help'= {
            cand login 'Sign in with an API key and secret and cache the token'
            cand logout 'Sign out: invalidate the token and forget it and any remembered secret'
            cand status 'Show the profile, API URL, config file and sign-in state; --check asks the API'
            cand events 'List the events one can subscribe to'
            cand subscribe 'Register a webhook: one subscription per event, delivered to --url'
            cand list 'List the subscriptions of the signed-in user'
            cand unsubscribe 'Remove subscriptions by id, by event and/or URL, or all of them'
            cand listen 'Receive deliveries on a local HTTP server and print each as it arrives'
            cand trigger 'Post a realistic sample delivery of an event to a receiver'
            cand replay 'Re-send deliveries saved by ''listen --save'''
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff); with a command, that command''s page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'timeular-hooks;help;login'= {
        }
        &'timeular-hooks;help;logout'= {
        }
        &'timeular-hooks;help;status'= {
        }
        &'timeular-hooks;help;events'= {
        }
        &'timeular-hooks;help;subscribe'= {
        }
        &'timeular-hooks;help;list'= {
        }
        &'timeular-hooks;help;unsubscribe'= {
        }
        &'timeular-hooks;help;listen'= {
        }
        &'timeular-hooks;help;trigger'= {
        }
        &'timeular-hooks;help;replay'= {
        }
        &'timeular-hooks;help;completions'= {
        }
        &'timeular-hooks;help;man'= {
        }
        &'timeular-hooks;help;help'= {
        }
    ]
    $completions[$command]
}
