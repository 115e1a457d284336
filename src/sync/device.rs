//! This computer's name in sync: whose value is whose when two devices changed one field. It
//! is `GOALCOACH_DEVICE` when set (sync passes it to git's merge driver that way), else the
//! config's `device`, else the host name. It lives outside the data directory, so a folder
//! shared by Syncthing or Dropbox does not give every computer the same name.

/// The environment variable naming this computer for sync.
pub const DEVICE_ENV: &str = "GOALCOACH_DEVICE";
/// The environment variable sync sets for the merge driver: the device the incoming plan
/// was last shared from.
pub const OTHER_DEVICE_ENV: &str = "GOALCOACH_OTHER_DEVICE";

/// This computer's name: `$GOALCOACH_DEVICE`, else `configured`, else the host name.
pub fn name(configured: Option<&str>) -> String {
    std::env::var(DEVICE_ENV)
        .ok()
        .map(|n| clean(&n))
        .filter(|n| !n.is_empty())
        .or_else(|| configured.map(clean))
        .unwrap_or_else(host_name)
}

/// A device name as it may be kept in a conflict and shown: one line, no controls, short.
fn clean(name: &str) -> String {
    crate::model::text::clean_title(name)
        .chars()
        .take(MAX_NAME)
        .collect()
}

/// The longest device name kept.
const MAX_NAME: usize = 64;

/// The device the incoming plan of a merge comes from, as sync told the merge driver; empty
/// when not known.
pub fn other_from_env() -> String {
    std::env::var(OTHER_DEVICE_ENV)
        .map(|n| clean(&n))
        .unwrap_or_default()
}

/// The prefix of every commit sync makes, naming the device: "goalcoach on laptop: …".
pub fn commit_message(device: &str, what: &str) -> String {
    format!("goalcoach on {device}: {what}")
}

/// The device a commit message of `commit_message` names.
pub fn from_commit_message(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("goalcoach on ")?;
    let (device, _) = rest.split_once(": ")?;
    Some(device).filter(|d| !d.is_empty())
}

/// This computer's host name ("this computer" when it has none to read).
pub fn host_name() -> String {
    let from_env = std::env::var("HOSTNAME").ok().filter(|h| !h.is_empty());
    from_env
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| clean(&h))
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this computer".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commit_message_names_its_device_and_back() {
        let message = commit_message("work laptop", "2 goals changed");
        assert_eq!(message, "goalcoach on work laptop: 2 goals changed");
        assert_eq!(from_commit_message(&message), Some("work laptop"));
        assert_eq!(from_commit_message("Merge branch 'main'"), None);
        assert_eq!(from_commit_message("goalcoach on : x"), None);
        assert_eq!(
            clean(" desk\u{1b}[2J top\n"),
            "desk[2J top",
            "no escape reaches a screen"
        );
    }
}
