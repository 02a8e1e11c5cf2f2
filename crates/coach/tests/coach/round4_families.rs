//! The rule families added in round 4 (after blind2 was spent and fresh4 was scored): each
//! is caught in new wording (none of these sentences is in any data set), and its kind
//! look-alikes stay clean. These test the hand-written rules alone (`check_rules_only`); what
//! the classifier adds is measured on whole sets by cross-validation and tested in `model.rs`.

use attune_coach::{FlagKind, check_rules_only as check};

fn kinds(text: &str) -> Vec<FlagKind> {
    check(text).flags.iter().map(|f| f.kind).collect()
}

fn caught(kind: FlagKind, texts: &[&str]) {
    for t in texts {
        assert!(
            kinds(t).contains(&kind),
            "{t:?} should carry {kind:?}, got {:?}",
            check(t).flags
        );
    }
}

fn clean(texts: &[&str]) {
    for t in texts {
        assert!(
            check(t).flags.is_empty(),
            "{t:?} flagged: {:?}",
            check(t).flags
        );
    }
}

#[test]
fn habits_with_a_frequency_tail_or_a_shouted_always_are_absolute() {
    caught(
        FlagKind::Absolute,
        &[
            "you ignore my texts constantly",
            "Each evening you disappear upstairs.",
            "you criticise my cooking every single time we have guests",
            "u ALWAYS book things for us on my work nights",
            "you always decide on the restaurant without asking me",
            "you always choose the football over me",
            "Not once this past month have you asked how I am.",
            "Why won't you ever text when you're running late?",
            "every single date night ends with you on your laptop",
        ],
    );
    clean(&[
        "You ALWAYS make me feel safe.",
        "you always book the nicest places",
        "I love how you always hum when you cook.",
        "I check my phone constantly, sorry, I'm working on it.",
        "Each evening we could walk the dog together?",
        "Not once this past month have you made me feel rushed.",
        "Why won't you come with us? It'd be fun!",
        "you always choose me over your phone, thank you",
    ]);
}

#[test]
fn sarcastic_thanks_and_counterfactual_labels_are_blame() {
    caught(
        FlagKind::Blame,
        &[
            "Cheers for embarrassing me at the wedding.",
            "congratulations on wrecking another holiday",
            "thanks so much for telling your mates everything about us",
            "way to spoil the surprise",
            "if you weren't so stingy we'd have a nicer flat",
            "You made me give up my dance class and I miss it.",
            "We missed the flight because you couldn't be bothered to pack.",
        ],
    );
    clean(&[
        "Thanks for being so patient with me.",
        "Thanks for telling me, I'm glad I know.",
        "Way to go, I'm so proud of you!",
        "Cheers for picking up the shopping.",
        "You ruined that film for me with your commentary haha, I love it.",
        "If you weren't so far away I'd hug you right now.",
    ]);
}

#[test]
fn threats_of_leaving_duty_and_social_comparison_are_pressure() {
    caught(
        FlagKind::Pressure,
        &[
            "If you go out tonight, don't expect me to still be here.",
            "don't bother coming to bed if that's your attitude",
            "Don't come crying to me when I stop making an effort.",
            "You're going back on your word again.",
            "Honestly this is part of being married, babe.",
            "You might as well agree, I'm not dropping it.",
            "You can say no but I'll be really hurt.",
            "you said no last time but just try it with me",
            "Don't be such a prude, come on.",
            "Everyone we know is way more relaxed about this than us.",
            "All my friends' girlfriends do this without a fuss.",
            "Good to know where I stand.",
        ],
    );
    clean(&[
        "Don't expect me to be home before seven, the train's slow.",
        "You promised me nothing and I'm fine with that.",
        "You can say no and I'll be completely fine.",
        "I'm such a prude sometimes, haha.",
        "Everyone we know is so happy for us.",
        "Good to know the shop opens at nine.",
    ]);
}

#[test]
fn motives_cover_stories_and_readings_of_faces_are_mind_reading() {
    caught(
        FlagKind::MindReading,
        &[
            "You turned the music up just to annoy me.",
            "you said no just to test me",
            "You're only using work as an excuse so you don't have to see my family.",
            "you only offered because you wanted a reason to leave early",
            "I can tell from your voice that you think I'm lying.",
            "Funny how your back only hurts when it's your turn to cook.",
            "Your 'busy week' is code for avoiding me.",
            "You just like having something to complain about.",
        ],
    );
    clean(&[
        "Oh I know exactly what you mean, same here.",
        "You're clearly talented at this.",
        "You came home early just to surprise me? That's so sweet.",
        "I can tell from your voice that you're tired, let's talk tomorrow.",
        "We both know the restaurant closes at ten.",
    ]);
}

#[test]
fn group_claims_in_new_shapes_are_generalisation() {
    caught(
        FlagKind::Generalisation,
        &[
            "Every married man ends up like that.",
            "That's just what all of you football lads are like.",
            "Rich people are all snobs.",
            "Your whole family is the same, nobody says sorry.",
            "Your generation has no patience.",
            "Millennials like you always want everything now.",
            "Only controlling people check their partner's location.",
            "Anyone who needs a spreadsheet for dates is just boring.",
        ],
    );
    clean(&[
        "Nobody cares if we skip the party, honestly.",
        "My aunt keeps insisting that all men love football, which is funny.",
        "Every married couple I know is different.",
        "The dads at school are all lovely.",
        "The boomers next door are sweet.",
    ]);
}

#[test]
fn belittled_limits_and_feelings_are_dismissive() {
    caught(
        FlagKind::Dismissive,
        &[
            "you're actually crying over a football match",
            "you're sulking and nothing even happened",
            "Please not the whole feelings talk again.",
            "Your rule about not texting exes is honestly kind of ridiculous.",
            "The safe word stuff seems a bit much for us.",
            "That's not really a proper limit, you just don't feel like it.",
            "stop freaking out, it's one scratch",
            "you're acting like I crashed the car on purpose",
            "Oh here we go again.",
        ],
    );
    clean(&[
        "It's not that deep a river, we can wade across.",
        "It's okay to cry over a football match, I did too.",
        "Nothing happened at work today, just a quiet one.",
        "Your rule about phones at dinner is lovely.",
        "Is that limit too much for you? We can change it.",
        "Here we go, the train's finally moving!",
        "It was just a joke between us and we both laughed.",
    ]);
}
