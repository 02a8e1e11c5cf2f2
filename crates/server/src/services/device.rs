//! A coarse device label for the sessions list ("Firefox on Android"), from the User-Agent.

/// Turns a User-Agent into a short label; the full string is never stored.
pub fn label(user_agent: Option<&str>) -> String {
    let ua = user_agent.unwrap_or("");
    let browser = if ua.contains("Edg/") {
        "Edge"
    } else if ua.contains("Firefox/") {
        "Firefox"
    } else if ua.contains("Chrome/") || ua.contains("Chromium/") {
        "Chrome"
    } else if ua.contains("Safari/") {
        "Safari"
    } else if ua.is_empty() {
        "An app"
    } else {
        "A browser"
    };
    let system = if ua.contains("Android") {
        "Android"
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        "iOS"
    } else if ua.contains("Windows") {
        "Windows"
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        "macOS"
    } else if ua.contains("Linux") {
        "Linux"
    } else {
        "an unknown system"
    };
    format!("{browser} on {system}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_are_coarse() {
        let ua =
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36";
        assert_eq!(super::label(Some(ua)), "Chrome on Android");
        assert_eq!(super::label(None), "An app on an unknown system");
    }
}
