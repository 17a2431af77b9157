# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_timeular_hooks_global_optspecs
    string join \n api-url= config-dir= profile= json color= timeout= q/quiet v/verbose h/help V/version
end

function __fish_timeular_hooks_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_timeular_hooks_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_timeular_hooks_using_subcommand
    set -l cmd (__fish_timeular_hooks_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "login" -d 'Sign in with an API key and secret and cache the token'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "logout" -d 'Sign out: invalidate the token and forget it and any remembered secret'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "status" -d 'Show the profile, API URL, config file and sign-in state; --check asks the API'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "events" -d 'List the events one can subscribe to'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "subscribe" -d 'Register a webhook: one subscription per event, delivered to --url'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "list" -d 'List the subscriptions of the signed-in user'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "unsubscribe" -d 'Remove subscriptions by id, by event and/or URL, or all of them'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "listen" -d 'Receive deliveries on a local HTTP server and print each as it arrives'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "trigger" -d 'Post a realistic sample delivery of an event to a receiver'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "replay" -d 'Re-send deliveries saved by \'listen --save\''
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "man" -d 'Print the man page (roff); with a command, that command\'s page'
complete -c timeular-hooks -n "__fish_timeular_hooks_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -l api-key -d 'API key (from the EARLY web app\'s profile page)' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -l api-secret-stdin -d 'Read the API secret from the first line of stdin (else TIMEULAR_API_SECRET, else a prompt)'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -l remember -d 'Also store key and secret (0600) so an expired token renews itself'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand login" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand logout" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand logout" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand logout" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand logout" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand logout" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand logout" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand logout" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand logout" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand logout" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand status" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand status" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand status" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand status" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand status" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand status" -l check -d 'Also ask the API whether the cached token is accepted'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand status" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand status" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand status" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand status" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand events" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand events" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand events" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand events" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand events" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand events" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand events" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand events" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand events" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -l url -d 'Where the provider delivers the events: a public https URL' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -l allow-duplicate -d 'Subscribe even when the same event already goes to the same URL'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand subscribe" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -l event -d 'Only subscriptions to this event (name or alias)' -r -f -a "started\t''
stopped\t''
edited\t''
canceled\t''
cancelled\t''
created\t''
updated\t''
deleted\t''
timeEntryCreated\t''
timeEntryUpdated\t''
timeEntryDeleted\t''
trackingStarted\t''
trackingStopped\t''
trackingEdited\t''
trackingCanceled\t''
activityCreated\t''
activityUpdated\t''
activityDeleted\t''
folderCreated\t''
folderUpdated\t''
folderDeleted\t''
timeLeaveCreated\t''
timeLeaveUpdated\t''
timeLeaveDeleted\t''
timeLeaveApproved\t''
timeLeaveDenied\t''"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -l url -d 'Only subscriptions delivering to exactly this URL' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand list" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -l event -d 'Remove every subscription to this event (with --url: to this event and URL)' -r -f -a "started\t''
stopped\t''
edited\t''
canceled\t''
cancelled\t''
created\t''
updated\t''
deleted\t''
timeEntryCreated\t''
timeEntryUpdated\t''
timeEntryDeleted\t''
trackingStarted\t''
trackingStopped\t''
trackingEdited\t''
trackingCanceled\t''
activityCreated\t''
activityUpdated\t''
activityDeleted\t''
folderCreated\t''
folderUpdated\t''
folderDeleted\t''
timeLeaveCreated\t''
timeLeaveUpdated\t''
timeLeaveDeleted\t''
timeLeaveApproved\t''
timeLeaveDenied\t''"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -l url -d 'Remove every subscription delivering to exactly this URL' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -l all -d 'Remove all of the user\'s subscriptions'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -s y -l yes -d 'Do not ask for confirmation (needed for --all when stdin is not a terminal)'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand unsubscribe" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l host -d 'Address to bind; anything but loopback opens the port to the network' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -s p -l port -d 'Port to listen on; 0 picks a free one' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l save -d 'Append every delivery to FILE as one JSON line, written before it is acknowledged' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l forward-to -d 'Re-post every accepted delivery, bytes unchanged, to your own app' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l forward-timeout -d 'Timeout of each forward, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l event -d 'Show only these events (names or aliases); the others are still acknowledged and saved' -r -f -a "started\t''
stopped\t''
edited\t''
canceled\t''
cancelled\t''
created\t''
updated\t''
deleted\t''
timeEntryCreated\t''
timeEntryUpdated\t''
timeEntryDeleted\t''
trackingStarted\t''
trackingStopped\t''
trackingEdited\t''
trackingCanceled\t''
activityCreated\t''
activityUpdated\t''
activityDeleted\t''
folderCreated\t''
folderUpdated\t''
folderDeleted\t''
timeLeaveCreated\t''
timeLeaveUpdated\t''
timeLeaveDeleted\t''
timeLeaveApproved\t''
timeLeaveDenied\t''"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l max-body -d 'Largest body accepted, in bytes; larger ones get 413' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l subscribe -d 'Subscribe these events on start (needs --public-url) and remove them on exit' -r -f -a "started\t''
stopped\t''
edited\t''
canceled\t''
cancelled\t''
created\t''
updated\t''
deleted\t''
timeEntryCreated\t''
timeEntryUpdated\t''
timeEntryDeleted\t''
trackingStarted\t''
trackingStopped\t''
trackingEdited\t''
trackingCanceled\t''
activityCreated\t''
activityUpdated\t''
activityDeleted\t''
folderCreated\t''
folderUpdated\t''
folderDeleted\t''
timeLeaveCreated\t''
timeLeaveUpdated\t''
timeLeaveDeleted\t''
timeLeaveApproved\t''
timeLeaveDenied\t''"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l public-url -d 'The public https URL that reaches this listener (from a tunnel such as ngrok)' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l secret -d 'Path segment deliveries must come under (/<secret>/...); random with --subscribe' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l body -d 'Print the pretty JSON body below each delivery\'s line'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l headers -d 'Print the request headers below each delivery\'s line'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l keep -d 'Keep the subscriptions made by --subscribe when the listener exits'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand listen" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -l url -d 'Receiver to post to' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -l note -d 'Note text of the sample; <{{|t|ID|}}> and <{{|m|ID|}}> refer to its tag and mention' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -l activity -d 'Activity name of the sample' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -l print -d 'Write the sample to stdout instead of posting it'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand trigger" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -l url -d 'Receiver to post to' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -l event -d 'Only deliveries of these events (names or aliases)' -r -f -a "started\t''
stopped\t''
edited\t''
canceled\t''
cancelled\t''
created\t''
updated\t''
deleted\t''
timeEntryCreated\t''
timeEntryUpdated\t''
timeEntryDeleted\t''
trackingStarted\t''
trackingStopped\t''
trackingEdited\t''
trackingCanceled\t''
activityCreated\t''
activityUpdated\t''
activityDeleted\t''
folderCreated\t''
folderUpdated\t''
folderDeleted\t''
timeLeaveCreated\t''
timeLeaveUpdated\t''
timeLeaveDeleted\t''
timeLeaveApproved\t''
timeLeaveDenied\t''"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -l seq -d 'Only the deliveries with these sequence numbers' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand replay" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand completions" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand completions" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand completions" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand completions" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand completions" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand completions" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand completions" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand completions" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand completions" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand man" -l api-url -d 'Base URL of the Timeular API [default: the profile\'s, else https://api.early.app/api/v3]' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand man" -l config-dir -d 'Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]' -r -F
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand man" -l profile -d 'Profile to use: each has its own API URL, token and remembered credentials' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand man" -l color -d 'When to colour output (NO_COLOR set and non-empty means never, unless \'always\')' -r -f -a "auto\t'Colour only when stdout is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe or under NO_COLOR'
never\t'Never colour'"
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand man" -l timeout -d 'Timeout of each HTTP request to the API, in seconds' -r
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand man" -l json -d 'Print JSON on stdout instead of human output'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand man" -s q -l quiet -d 'Print only data and errors'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand man" -s v -l verbose -d 'Also print each HTTP request and its answer on stderr'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand man" -s V -l version -d 'Print version'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "login" -d 'Sign in with an API key and secret and cache the token'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "logout" -d 'Sign out: invalidate the token and forget it and any remembered secret'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "status" -d 'Show the profile, API URL, config file and sign-in state; --check asks the API'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "events" -d 'List the events one can subscribe to'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "subscribe" -d 'Register a webhook: one subscription per event, delivered to --url'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "list" -d 'List the subscriptions of the signed-in user'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "unsubscribe" -d 'Remove subscriptions by id, by event and/or URL, or all of them'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "listen" -d 'Receive deliveries on a local HTTP server and print each as it arrives'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "trigger" -d 'Post a realistic sample delivery of an event to a receiver'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "replay" -d 'Re-send deliveries saved by \'listen --save\''
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "man" -d 'Print the man page (roff); with a command, that command\'s page'
complete -c timeular-hooks -n "__fish_timeular_hooks_using_subcommand help; and not __fish_seen_subcommand_from login logout status events subscribe list unsubscribe listen trigger replay completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
