/// Customer-facing texts, per language, with `{placeholders}` filled when they are sent.
///
/// Every family of texts is a `TemplateSet`: texts keyed by what they apply to (a trigger kind, an
/// after-hours policy, a wait bucket; a policy topic; or neither, the default) and by language. A text
/// is looked up in the customer's language first (`es-MX`, then `es`), through the most specific key
/// to the default, and in English only when that language has no text at all.
///
/// Placeholders, and which family may use them (`placeholders`), are checked when the config loads:
/// `{name}` the customer's first name (an empty name drops the placeholder and the space before it),
/// `{wait}` a wait estimate, `{agent}` the agent's name, `{opens}` when the queue opens next, `{topic}`
/// the policy topic in words, `{minutes}` and `{hours}` inside wait texts.
public struct Templates: Sendable, Equatable {
    /// Handoff message per trigger kind (and topic).
    public var handoff: TemplateSet
    /// The agent introduction sent the first time an agent takes a thread.
    public var agentIntroduction: TemplateSet
    /// After-hours message per policy (`callback`, `queue_with_eta`, `acknowledge_close`).
    public var afterHours: TemplateSet
    /// After-hours message per policy for a queue whose hours never open (no opening hours on any day, or none
    /// within two weeks): no opening time is promised, so these texts have no `{opens}` or `{wait}`.
    public var afterHoursNoOpening: TemplateSet
    /// The agent's suggested first reply per trigger kind and topic. It follows the introduction, so it
    /// does not introduce the agent again.
    public var suggestedReply: TemplateSet
    /// Wait estimates in words per bucket (`under_2_minutes`, `minutes`, `hour`, `hours`, `unknown`).
    public var wait: TemplateSet
    /// A policy topic as it reads inside a sentence ("a refund"), per topic.
    public var topicPhrase: TemplateSet
    /// Abbreviated weekday names for `{opens}`, keyed `sun` … `sat`.
    public var weekday: TemplateSet
    /// The queue is open but nobody who works it is on shift, per after-hours policy: said instead of a wait.
    public var noOneOnShift: TemplateSet
    /// A waiting customer's update when the promised wait has passed (or the thread was re-queued), with a new estimate.
    public var waitUpdate: TemplateSet
    /// The after-hours callback confirmation naming the time (`{when}`), keyed `requested` (the time the customer
    /// asked for) and `moved` (that time was outside opening hours; the nearest open slot).
    public var callbackConfirmation: TemplateSet
    /// The agent's first message to a customer who wrote while nobody could answer (after hours, nobody on
    /// shift): the suggested reply of such a thread, sent with one key when the team is back.
    public var opener: TemplateSet
    /// A full queue (`capacity`): the wait, and the offer to be answered later instead.
    public var hold: TemplateSet
    /// The customer chose to be answered later: no need to stay.
    public var asyncConfirmation: TemplateSet
    /// The line `introduction = "with_summary"` adds to the introduction: what the conversation is about.
    public var introductionSummary: TemplateSet

    /// The families of texts, as named in the config's `[templates]` table.
    public enum Family: String, Sendable, CaseIterable {
        case handoff
        case agentIntroduction = "agent_introduction"
        case afterHours = "after_hours"
        case afterHoursNoOpening = "after_hours_no_opening"
        case suggestedReply = "suggested_reply"
        case wait
        case topicPhrase = "topic_phrase"
        case weekday
        case noOneOnShift = "no_one_on_shift"
        case waitUpdate = "wait_update"
        case callbackConfirmation = "callback_confirmation"
        case opener
        case hold
        case asyncConfirmation = "async_confirmation"
        case introductionSummary = "introduction_summary"

        /// The placeholders texts of this family may use; anything else is a config error.
        public var placeholders: [String] {
            switch self {
            case .handoff: ["name", "wait", "topic"]
            case .agentIntroduction: ["agent", "name"]
            case .afterHours: ["name", "opens", "wait", "noted"]
            case .afterHoursNoOpening: ["name", "noted"]
            case .suggestedReply: ["name", "agent", "topic"]
            case .wait: ["minutes", "hours"]
            case .topicPhrase, .weekday: []
            case .noOneOnShift: ["name"]
            case .waitUpdate: ["name", "wait"]
            case .callbackConfirmation: ["name", "when"]
            case .opener: ["name", "agent"]
            case .hold: ["name", "wait"]
            case .asyncConfirmation: ["name"]
            case .introductionSummary: ["about"]
            }
        }
    }

    public init(handoff: TemplateSet = TemplateSet(byKind: Templates.defaultHandoff, byTopic: Templates.defaultHandoffByTopic),
                agentIntroduction: TemplateSet = TemplateSet(byKind: ["default": Templates.defaultIntroduction]),
                afterHours: TemplateSet = TemplateSet(byKind: Templates.defaultAfterHours),
                afterHoursNoOpening: TemplateSet = TemplateSet(byKind: Templates.defaultAfterHoursNoOpening),
                suggestedReply: TemplateSet = TemplateSet(byKind: Templates.defaultSuggestedReply, byTopic: Templates.defaultSuggestedReplyByTopic),
                wait: TemplateSet = TemplateSet(byKind: Templates.defaultWait),
                topicPhrase: TemplateSet = TemplateSet(byTopic: Templates.defaultTopicPhrase),
                weekday: TemplateSet = TemplateSet(byKind: Templates.defaultWeekday),
                noOneOnShift: TemplateSet = TemplateSet(byKind: Templates.defaultNoOneOnShift),
                waitUpdate: TemplateSet = TemplateSet(byKind: ["default": Templates.defaultWaitUpdate]),
                callbackConfirmation: TemplateSet = TemplateSet(byKind: Templates.defaultCallbackConfirmation),
                opener: TemplateSet = TemplateSet(byKind: ["default": Templates.defaultOpener]),
                hold: TemplateSet = TemplateSet(byKind: ["default": Templates.defaultHold]),
                asyncConfirmation: TemplateSet = TemplateSet(byKind: ["default": Templates.defaultAsyncConfirmation]),
                introductionSummary: TemplateSet = TemplateSet(byKind: ["default": Templates.defaultIntroductionSummary])) {
        self.handoff = handoff
        self.agentIntroduction = agentIntroduction
        self.afterHours = afterHours
        self.afterHoursNoOpening = afterHoursNoOpening
        self.suggestedReply = suggestedReply
        self.wait = wait
        self.topicPhrase = topicPhrase
        self.weekday = weekday
        self.noOneOnShift = noOneOnShift
        self.waitUpdate = waitUpdate
        self.callbackConfirmation = callbackConfirmation
        self.opener = opener
        self.hold = hold
        self.asyncConfirmation = asyncConfirmation
        self.introductionSummary = introductionSummary
    }

    /// The set of one family.
    public subscript(family: Family) -> TemplateSet {
        get {
            switch family {
            case .handoff: handoff
            case .agentIntroduction: agentIntroduction
            case .afterHours: afterHours
            case .afterHoursNoOpening: afterHoursNoOpening
            case .suggestedReply: suggestedReply
            case .wait: wait
            case .topicPhrase: topicPhrase
            case .weekday: weekday
            case .noOneOnShift: noOneOnShift
            case .waitUpdate: waitUpdate
            case .callbackConfirmation: callbackConfirmation
            case .opener: opener
            case .hold: hold
            case .asyncConfirmation: asyncConfirmation
            case .introductionSummary: introductionSummary
            }
        }
        set {
            switch family {
            case .handoff: handoff = newValue
            case .agentIntroduction: agentIntroduction = newValue
            case .afterHours: afterHours = newValue
            case .afterHoursNoOpening: afterHoursNoOpening = newValue
            case .suggestedReply: suggestedReply = newValue
            case .wait: wait = newValue
            case .topicPhrase: topicPhrase = newValue
            case .weekday: weekday = newValue
            case .noOneOnShift: noOneOnShift = newValue
            case .waitUpdate: waitUpdate = newValue
            case .callbackConfirmation: callbackConfirmation = newValue
            case .opener: opener = newValue
            case .hold: hold = newValue
            case .asyncConfirmation: asyncConfirmation = newValue
            case .introductionSummary: introductionSummary = newValue
            }
        }
    }

    /// The handoff message for `kind` (and `topic`) in `language`.
    public func handoffMessage(kind: TriggerKind, topic: String? = nil, language: String) -> String {
        handoff.text(kind: kind.rawValue, topic: topic, language: language)
            ?? "I'm connecting you with a member of our team. Expected wait: {wait}."
    }

    public func introduction(language: String) -> String {
        agentIntroduction.text(kind: nil, topic: nil, language: language) ?? "A member of our team, {agent}, has joined the conversation."
    }

    public func afterHoursMessage(policy: AfterHoursPolicy, language: String) -> String {
        afterHours.text(kind: policy.rawValue, topic: nil, language: language)
            ?? "We're closed right now and will reply when we open ({opens})."
    }

    /// The after-hours message of a queue that never opens: the policy's offer, with no opening time promised.
    public func afterHoursNoOpeningMessage(policy: AfterHoursPolicy, language: String) -> String {
        afterHoursNoOpening.text(kind: policy.rawValue, topic: nil, language: language)
            ?? "Our team is offline right now, and we can't give you a time yet for when we'll be back. We've noted your request and will reply to you here."
    }

    /// What a customer is told when the queue is open but nobody who works it is on shift, per the queue's
    /// after-hours policy.
    public func noOneOnShiftMessage(policy: AfterHoursPolicy, language: String) -> String {
        noOneOnShift.text(kind: policy.rawValue, topic: nil, language: language)
            ?? "Nobody from our team is on shift right now. You're in the queue and the first team member on shift will reply to you here."
    }

    /// The update a waiting customer gets when the wait they were promised has passed; `{wait}` is the new estimate.
    public func waitUpdateMessage(language: String) -> String {
        waitUpdate.text(kind: nil, topic: nil, language: language)
            ?? "Hi {name}, thanks for waiting. It's taking longer than we said, and you're still in line. New estimate: {wait}."
    }

    /// The callback confirmation: `moved` when the time asked for was outside opening hours.
    public func callbackConfirmationMessage(moved: Bool, language: String) -> String {
        callbackConfirmation.text(kind: moved ? "moved" : "requested", topic: nil, language: language)
            ?? "Our team is offline right now. We've noted your request and will call you back {when}."
    }

    /// The opener for a customer who wrote while nobody could answer, in `language`.
    public func openerMessage(language: String) -> String {
        opener.text(kind: nil, topic: nil, language: language)
            ?? "Hi {name}, I saw the message you sent while our team was away and I'm picking it up now."
    }

    /// The hold message of a full queue, in `language`.
    public func holdMessage(language: String) -> String {
        hold.text(kind: nil, topic: nil, language: language)
            ?? "All of our team members are busy right now. Expected wait: {wait}. Reply LATER and we'll answer you here as soon as someone is free."
    }

    /// The confirmation for a customer who chose to be answered later, in `language`.
    public func asyncConfirmationMessage(language: String) -> String {
        asyncConfirmation.text(kind: nil, topic: nil, language: language)
            ?? "No problem. We'll answer you here as soon as someone is free; you don't need to stay in the chat."
    }

    /// The suggested first reply for `kind` and `topic` in `language`.
    public func suggestedReply(kind: TriggerKind, topic: String? = nil, language: String = "en") -> String {
        suggestedReply.text(kind: kind.rawValue, topic: topic, language: language)
            ?? "Hi {name}, I've read your conversation and I'll take it from here."
    }

    /// The wait estimate in words, in `language`: "about 4 minutes", "unos 4 minutos".
    public func waitText(_ estimate: WaitEstimate, language: String) -> String {
        let bucket: String
        var values: [String: String] = [:]
        if let seconds = estimate.seconds {
            let minutes = Int(saturating: (seconds / 60).rounded(.up))
            if minutes <= 2 {
                bucket = "under_2_minutes"
            } else if minutes < 60 {
                bucket = "minutes"
                values["minutes"] = "\(minutes)"
            } else {
                let hours = Int(saturating: (Double(minutes) / 60).rounded())
                bucket = hours <= 1 ? "hour" : "hours"
                values["hours"] = "\(hours)"
            }
        } else {
            bucket = "unknown"
        }
        let template = wait.text(kind: bucket, topic: nil, language: language, includingDefault: false) ?? bucket
        return Self.fill(template, values)
    }

    /// A policy topic inside a sentence in `language` ("a refund", "un reembolso"); a topic without a
    /// phrase in any language reads as its name in English, and as the language's generic word otherwise.
    public func topicPhrase(_ topic: String?, language: String) -> String {
        if let topic, let phrase = topicPhrase.text(kind: nil, topic: topic, language: language, includingDefault: false) {
            return phrase
        }
        let generic = topicPhrase.text(kind: nil, topic: nil, language: language) ?? "this"
        if let topic, topicPhrase.language(for: language) == "en" { return topic.split(separator: "_").joined(separator: " ") }
        return generic
    }

    /// "lun 09:00 America/Mexico_City": when a queue opens next, in `language`.
    public func opening(weekday: Int, hour: Int, minute: Int, zone: String, language: String) -> String {
        let keys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        let key = keys[((weekday - 1) % 7 + 7) % 7]
        let day = self.weekday.text(kind: key, topic: nil, language: language, includingDefault: false) ?? key
        return "\(day) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute) \(zone)"
    }

    /// The usable first name in a customer's name: the first word with a letter in it, so a name that is
    /// only an emoji, a number or empty gives "" (and the greeting drops it). Placeholder names such as
    /// "Customer 1182" give "".
    public static func firstName(of name: String?) -> String {
        guard let name, !name.hasPrefix("Customer ") else { return "" }
        let word = name.split(whereSeparator: { $0.isWhitespace }).first { word in
            word.unicodeScalars.contains { $0.properties.isAlphabetic }
        }
        guard let word else { return "" }
        // Keep the letters and what joins them ("O'Brien", "Jean-Luc"), not emoji or punctuation around them.
        let trimmed = word.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        return String(trimmed)
    }

    /// The `{placeholders}` written in `text`, in order, each once.
    public static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(where: { $0 == "}" || $0 == "{" }) else { break }
            if rest[close] == "}" {
                let name = String(rest[afterOpen..<close])
                if !name.isEmpty, !found.contains(name) { found.append(name) }
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest[close...]
            }
        }
        return found
    }

    /// Fills `{key}` placeholders; unknown placeholders are left as written. An empty value removes the
    /// placeholder and the space before it, so "Hi {name}," with no usable name reads "Hi,".
    ///
    /// One pass over the template: filled-in values are never scanned again, so a customer name that
    /// contains "{wait}" stays as written. (It runs once or twice per handoff; Foundation's
    /// `replacingOccurrences` per key was a sizeable share of ingest time.)
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count + 32)
        var rest = template[...]
        // Braces are ASCII, so searching the UTF-8 view finds the same places as searching characters, and
        // its indexes fall on character boundaries; this runs for every handoff message and reply.
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            result += rest[..<open]
            let afterOpen = rest.utf8.index(after: open)
            guard let close = rest.utf8[afterOpen...].firstIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "{") }),
                  rest.utf8[close] == UInt8(ascii: "}"),
                  let value = values[String(rest[afterOpen..<close])] else {
                result.append("{")
                rest = rest[afterOpen...]
                continue
            }
            if value.isEmpty {
                // "Thanks, {name}." reads "Thanks." and "Hi {name}," reads "Hi," without a name.
                if result.utf8.last == UInt8(ascii: " ") { result.removeLast() }
                if result.utf8.last == UInt8(ascii: ",") { result.removeLast() }
            } else {
                result += value
            }
            rest = rest[rest.utf8.index(after: close)...]
        }
        result += rest
        return result
    }

    // MARK: Defaults

    /// Handoff messages: an acknowledgment, that the conversation was shared (the customer won't repeat
    /// anything), and the real wait, with the customer's first name when known (`{name}` and the ", " before it
    /// drop out when it is not). Per trigger kind, and per policy topic (`defaultHandoffByTopic`).
    public static let defaultHandoff: [String: [String: String]] = [
        "default": [
            "en": "Thanks, {name}. I'm connecting you with a member of our team and I've shared our conversation, so you won't need to repeat anything. Expected wait: {wait}.",
            "es": "Gracias, {name}. Te comunico con una persona de nuestro equipo y ya le compartí nuestra conversación, así que no tendrás que repetir nada. Espera estimada: {wait}.",
            "pt": "Obrigado, {name}. Vou transferir você para uma pessoa da nossa equipe e já compartilhei nossa conversa, então você não vai precisar repetir nada. Espera estimada: {wait}.",
            "ja": "担当者におつなぎします。これまでの内容は共有済みですので、同じご説明は不要です。お待ちいただく時間の目安：{wait}。",
        ],
        "explicit_request": [
            "en": "Of course, {name}. I'm getting a person from our team for you, and they'll see our whole conversation, so you won't need to repeat anything. Expected wait: {wait}.",
            "es": "Claro, {name}. Te comunico con una persona de nuestro equipo; verá toda nuestra conversación, así que no tendrás que repetir nada. Espera estimada: {wait}.",
            "pt": "Claro, {name}. Vou chamar uma pessoa da nossa equipe; ela verá toda a nossa conversa, então você não vai precisar repetir nada. Espera estimada: {wait}.",
            "ja": "かしこまりました。担当者におつなぎします。これまでの内容は共有済みですので、同じご説明は不要です。お待ちいただく時間の目安：{wait}。",
        ],
        "sentiment": [
            "en": "I'm sorry this has been frustrating, {name}. A member of our team will take over now with our whole conversation in front of them, so you won't need to repeat anything. Expected wait: {wait}.",
            "es": "Lamento que esto haya sido frustrante, {name}. Una persona de nuestro equipo te atenderá con toda nuestra conversación a la vista, así que no tendrás que repetir nada. Espera estimada: {wait}.",
            "pt": "Sinto muito pela frustração, {name}. Uma pessoa da nossa equipe vai assumir com toda a nossa conversa em mãos, então você não vai precisar repetir nada. Espera estimada: {wait}.",
            "ja": "ご不便をおかけして申し訳ございません。ここからは担当者が対応いたします。これまでの内容は共有済みですので、同じご説明は不要です。お待ちいただく時間の目安：{wait}。",
        ],
        "low_confidence": [
            "en": "I want to get this right, {name}, so I'm passing you to a specialist. They can see our conversation, so you won't need to repeat anything. Expected wait: {wait}.",
            "es": "Quiero darte la respuesta correcta, {name}, así que te paso con un especialista. Verá nuestra conversación y no tendrás que repetir nada. Espera estimada: {wait}.",
            "pt": "Quero acertar, {name}, então vou passar você para um especialista. Ele verá nossa conversa e você não vai precisar repetir nada. Espera estimada: {wait}.",
            "ja": "正確にお答えするため、専門の担当者におつなぎします。これまでの内容は共有済みですので、同じご説明は不要です。お待ちいただく時間の目安：{wait}。",
        ],
        "tool_failure": [
            "en": "I couldn't look that up just now, {name}, so a member of our team will check it for you. I've shared what you told me, so you won't need to repeat anything. Expected wait: {wait}.",
            "es": "No pude consultarlo en este momento, {name}; una persona de nuestro equipo lo revisará. Ya le compartí lo que me contaste, así que no tendrás que repetir nada. Espera estimada: {wait}.",
            "pt": "Não consegui consultar agora, {name}; uma pessoa da nossa equipe vai verificar. Já compartilhei o que você me contou, então não vai precisar repetir nada. Espera estimada: {wait}.",
            "ja": "ただいま情報を確認できなかったため、担当者が確認いたします。これまでの内容は共有済みですので、同じご説明は不要です。お待ちいただく時間の目安：{wait}。",
        ],
        "buying_intent": [
            "en": "Great, {name}! I'm connecting you with our sales team and sharing what you're looking for, so you won't need to repeat anything. Expected wait: {wait}.",
            "es": "¡Excelente, {name}! Te comunico con nuestro equipo de ventas y le comparto lo que buscas, así que no tendrás que repetir nada. Espera estimada: {wait}.",
            "pt": "Ótimo, {name}! Vou conectar você com nossa equipe de vendas e compartilhar o que você procura, então não vai precisar repetir nada. Espera estimada: {wait}.",
            "ja": "ありがとうございます。営業担当におつなぎします。ご要望は共有済みですので、同じご説明は不要です。お待ちいただく時間の目安：{wait}。",
        ],
        "customer_tag": [
            "en": "Thank you for being with us, {name}. A senior member of our team is taking over personally and already has our whole conversation, so you won't need to repeat anything. Expected wait: {wait}.",
            "es": "Gracias por tu confianza, {name}. Una persona sénior de nuestro equipo te atenderá personalmente y ya tiene toda nuestra conversación, así que no tendrás que repetir nada. Espera estimada: {wait}.",
            "pt": "Obrigado pela confiança, {name}. Uma pessoa sênior da nossa equipe vai atender você pessoalmente e já tem toda a nossa conversa, então não vai precisar repetir nada. Espera estimada: {wait}.",
            "ja": "いつもご利用いただきありがとうございます。上級担当者が直接対応いたします。これまでの内容は共有済みですので、同じご説明は不要です。お待ちいただく時間の目安：{wait}。",
        ],
        "repeat_contact": [
            "en": "I can see you've contacted us about this before, {name}, and I'm sorry it isn't sorted yet. A member of our team will take it from here with your earlier conversations in front of them, so you won't need to explain it again. Expected wait: {wait}.",
            "es": "Veo que ya nos escribiste por esto antes, {name}, y lamento que aún no esté resuelto. Una persona de nuestro equipo se encargará con tus conversaciones anteriores a la vista, así que no tendrás que explicarlo de nuevo. Espera estimada: {wait}.",
            "pt": "Vejo que você já falou com a gente sobre isso antes, {name}, e sinto muito que ainda não esteja resolvido. Uma pessoa da nossa equipe vai assumir com suas conversas anteriores em mãos, então você não vai precisar explicar de novo. Espera estimada: {wait}.",
            "ja": "以前にも同じ件でご連絡いただいていたのですね。まだ解決しておらず申し訳ございません。過去のやり取りも担当者に共有済みですので、改めてご説明いただく必要はありません。お待ちいただく時間の目安：{wait}。",
        ],
        "policy_topic": [
            "en": "Thanks, {name}. For {topic}, a person from our team will help you, and they can see our whole conversation, so you won't need to repeat anything. Expected wait: {wait}.",
            "es": "Gracias, {name}. Para {topic} te atenderá una persona de nuestro equipo, que verá toda nuestra conversación, así que no tendrás que repetir nada. Espera estimada: {wait}.",
            "pt": "Obrigado, {name}. Para {topic}, uma pessoa da nossa equipe vai atender você e verá toda a nossa conversa, então não vai precisar repetir nada. Espera estimada: {wait}.",
            "ja": "{topic}については担当者が対応いたします。これまでの内容は共有済みですので、同じご説明は不要です。お待ちいただく時間の目安：{wait}。",
        ],
    ]

    /// Handoff messages of the policy topics that need their own words: billing, security and medical/safety
    /// (which leads with the emergency instruction).
    public static let defaultHandoffByTopic: [String: [String: String]] = {
        let billing = [
            "en": "I understand, {name}: money matters need a person. Our billing team will look at your account with our whole conversation in front of them, so you won't need to repeat anything. Expected wait: {wait}.",
            "es": "Entiendo, {name}: los temas de dinero merecen atención personal. Nuestro equipo de facturación revisará tu cuenta con toda nuestra conversación a la vista, así que no tendrás que repetir nada. Espera estimada: {wait}.",
            "pt": "Entendo, {name}: questões de dinheiro merecem atenção pessoal. Nossa equipe de cobrança vai analisar sua conta com toda a nossa conversa em mãos, então você não vai precisar repetir nada. Espera estimada: {wait}.",
            "ja": "承知いたしました。ご請求・返金については請求担当が確認いたします。これまでの内容は共有済みですので、同じご説明は不要です。お待ちいただく時間の目安：{wait}。",
        ]
        let security = [
            "en": "Thanks for telling us, {name}. Your account's security comes first: our security team is taking over and already has our conversation, so you won't need to repeat anything. Please don't share passwords or codes here. Expected wait: {wait}.",
            "es": "Gracias por avisarnos, {name}. La seguridad de tu cuenta es lo primero: nuestro equipo de seguridad se hará cargo y ya tiene nuestra conversación, así que no tendrás que repetir nada. Por favor, no compartas contraseñas ni códigos aquí. Espera estimada: {wait}.",
            "pt": "Obrigado por avisar, {name}. A segurança da sua conta vem em primeiro lugar: nossa equipe de segurança vai assumir e já tem a nossa conversa, então você não vai precisar repetir nada. Por favor, não compartilhe senhas nem códigos aqui. Espera estimada: {wait}.",
            "ja": "ご連絡ありがとうございます。アカウントの安全を最優先に、セキュリティ担当が対応いたします。これまでの内容は共有済みです。パスワードや認証コードはここに送らないでください。お待ちいただく時間の目安：{wait}。",
        ]
        let medical = [
            "en": "Thank you for telling us, {name}. If anyone is hurt or in danger, please call your local emergency number now. I've passed this to our safety team with everything you've told me, so you won't need to repeat it. Expected wait: {wait}.",
            "es": "Gracias por avisarnos, {name}. Si alguien está herido o en peligro, llama ahora al número de emergencias de tu zona. Pasé esto a nuestro equipo de seguridad con todo lo que me contaste, así que no tendrás que repetirlo. Espera estimada: {wait}.",
            "pt": "Obrigado por avisar, {name}. Se alguém estiver ferido ou em perigo, ligue agora para o número de emergência local. Passei isso para nossa equipe de segurança com tudo o que você me contou, então você não vai precisar repetir. Espera estimada: {wait}.",
            "ja": "ご連絡ありがとうございます。けが人がいる場合や危険な状況の場合は、ただちに緊急通報番号へご連絡ください。これまでの内容は安全対策担当に共有済みです。お待ちいただく時間の目安：{wait}。",
        ]
        return ["refund": billing, "billing_dispute": billing, "security": security, "lockout": security, "medical": medical]
    }()

    /// The opener: the team is back and has read everything; it follows the agent's introduction, so it does
    /// not introduce the agent again.
    public static let defaultOpener: [String: String] = [
        "en": "Hi {name}, I saw the message you sent while our team was away and I'm picking it up now. I've read everything, so there's no need to repeat anything. Let me check this for you.",
        "es": "Hola {name}, vi el mensaje que nos enviaste mientras nuestro equipo no estaba disponible y ya me estoy ocupando. Leí todo, así que no hace falta que repitas nada. Déjame revisarlo.",
        "pt": "Oi {name}, vi a mensagem que você enviou enquanto nossa equipe estava fora e já estou cuidando disso. Li tudo, então não precisa repetir nada. Deixa eu verificar para você.",
        "ja": "営業時間外にいただいたメッセージを確認しました。ただいまより対応いたします。これまでの内容は拝見しましたので、改めてのご説明は不要です。",
    ]

    /// The hold message: the queue is full; the real wait, and the async fallback offered.
    public static let defaultHold: [String: String] = [
        "en": "Thanks for waiting, {name}. All of our team members are helping other customers right now. Expected wait: {wait}. If you'd rather not wait, reply LATER and we'll answer you right here as soon as someone is free; you won't need to repeat anything.",
        "es": "Gracias por esperar, {name}. Todo nuestro equipo está atendiendo a otros clientes en este momento. Espera estimada: {wait}. Si prefieres no esperar, responde MÁS TARDE y te contestaremos aquí mismo en cuanto alguien esté libre; no tendrás que repetir nada.",
        "pt": "Obrigado por esperar, {name}. Toda a nossa equipe está atendendo outros clientes agora. Espera estimada: {wait}. Se preferir não esperar, responda DEPOIS e responderemos aqui mesmo assim que alguém estiver livre; você não vai precisar repetir nada.",
        "ja": "ただいま担当者がすべて対応中です。お待ちいただく時間の目安：{wait}。お待ちいただかない場合は「LATER」とご返信ください。担当者の手が空き次第、こちらでご返信いたします。",
    ]

    /// What the conversation is about, after the agent's introduction (`introduction = "with_summary"`).
    public static let defaultIntroductionSummary: [String: String] = [
        "en": "I can see this is about {about}.",
        "es": "Veo que se trata de {about}.",
        "pt": "Vejo que o assunto é {about}.",
        "ja": "{about}の件と承っております。",
    ]

    /// The customer chose to be answered later.
    public static let defaultAsyncConfirmation: [String: String] = [
        "en": "No problem, {name}. We'll answer you right here as soon as someone from our team is free; you don't need to stay in the chat.",
        "es": "Sin problema, {name}. Te responderemos aquí mismo en cuanto alguien de nuestro equipo esté libre; no hace falta que te quedes en el chat.",
        "pt": "Sem problemas, {name}. Responderemos aqui mesmo assim que alguém da nossa equipe estiver livre; você não precisa ficar no chat.",
        "ja": "承知いたしました。担当者の手が空き次第、こちらでご返信いたします。チャットを開いたままお待ちいただく必要はありません。",
    ]

    public static let defaultIntroduction: [String: String] = [
        "en": "A member of our team, {agent}, has joined the conversation.",
        "es": "{agent}, de nuestro equipo, se ha unido a la conversación.",
        "pt": "{agent}, da nossa equipe, entrou na conversa.",
        "ja": "担当の{agent}が会話に参加しました。",
    ]

    public static let defaultAfterHours: [String: [String: String]] = [
        "callback": [
            "en": "Our team is offline right now. We've noted your request and will call you back when we open ({opens}).",
            "es": "Nuestro equipo no está disponible ahora. Registramos tu solicitud y te llamaremos al abrir ({opens}).",
            "pt": "Nossa equipe está offline agora. Registramos seu pedido e ligaremos quando abrirmos ({opens}).",
            "ja": "ただいま営業時間外です。ご依頼を承りましたので、営業開始後（{opens}）に折り返しご連絡いたします。",
        ],
        "queue_with_eta": [
            "en": "Our team is offline right now. You're in the queue and someone will reply when we open ({opens}). Expected wait once we open: {wait}.",
            "es": "Nuestro equipo no está disponible ahora. Estás en la fila y te responderemos al abrir ({opens}). Espera estimada desde la apertura: {wait}.",
            "pt": "Nossa equipe está offline agora. Você está na fila e responderemos quando abrirmos ({opens}). Espera estimada após a abertura: {wait}.",
            "ja": "ただいま営業時間外です。順番にご案内しておりますので、営業開始後（{opens}）に担当者よりご返信いたします。営業開始後の待ち時間の目安：{wait}。",
        ],
        "acknowledge_close": [
            "en": "Our team is offline right now, {name}. We've noted your request{noted}, and our team will follow up here after we open ({opens}), so you won't need to repeat anything. To add something, just reply here.",
            "es": "Nuestro equipo no está disponible ahora, {name}. Registramos tu solicitud{noted} y te responderemos por aquí cuando abramos ({opens}), así que no tendrás que repetir nada. Si quieres agregar algo, responde aquí mismo.",
            "pt": "Nossa equipe está offline agora, {name}. Registramos seu pedido{noted} e responderemos por aqui quando abrirmos ({opens}), então você não vai precisar repetir nada. Se quiser acrescentar algo, é só responder aqui.",
            "ja": "ただいま営業時間外です。ご依頼内容{noted}を承りました。営業開始後（{opens}）にこちらでご連絡いたしますので、同じご説明は不要です。追加のご連絡はこちらにご返信ください。",
        ],
    ]

    /// Suggested first replies. The introduction has just named the agent, so none of them does again.
    public static let defaultSuggestedReply: [String: [String: String]] = [
        "default": [
            "en": "Hi {name}, I've read your conversation so far, so there's no need to repeat anything. I'll take it from here.",
            "es": "Hola {name}, ya leí la conversación, así que no hace falta que repitas nada. Yo me encargo a partir de aquí.",
            "pt": "Olá {name}, já li a conversa até aqui, então não precisa repetir nada. Eu cuido disso a partir de agora.",
            "ja": "お待たせいたしました。これまでのやり取りはすべて確認しましたので、同じ説明を繰り返していただく必要はございません。ここからは私が対応いたします。",
        ],
        "explicit_request": [
            "en": "Hi {name}, thanks for waiting. I've read what you've shared so far, so no need to repeat it. How can I help?",
            "es": "Hola {name}, gracias por esperar. Ya leí lo que nos contaste, así que no hace falta repetirlo. ¿En qué te puedo ayudar?",
            "pt": "Olá {name}, obrigado por aguardar. Já li o que você contou, então não precisa repetir. Como posso ajudar?",
            "ja": "お待たせいたしました。これまでの内容は確認済みですので、繰り返していただく必要はございません。どのようなご用件でしょうか。",
        ],
        "sentiment": [
            "en": "Hi {name}, I'm sorry about the trouble and the back-and-forth. I've read everything so far and I'll sort this out with you now.",
            "es": "Hola {name}, siento mucho las molestias y las idas y vueltas. Ya leí todo y lo vamos a resolver juntos ahora.",
            "pt": "Olá {name}, sinto muito pelo transtorno e pelas idas e vindas. Já li tudo e vou resolver isso com você agora.",
            "ja": "ご不便とお手数をおかけし、誠に申し訳ございません。これまでの内容はすべて確認しました。今から一緒に解決いたします。",
        ],
        "policy_topic": [
            "en": "Hi {name}, I've read your message about {topic} and I'm handling it personally from here.",
            "es": "Hola {name}, ya leí tu mensaje sobre {topic} y me encargo personalmente a partir de aquí.",
            "pt": "Olá {name}, já li sua mensagem sobre {topic} e vou cuidar disso pessoalmente a partir de agora.",
            "ja": "{topic}についてのメッセージを確認しました。ここからは私が責任を持って対応いたします。",
        ],
        "customer_tag": [
            "en": "Hi {name}, thanks for your message. I've read it and I'm on it.",
            "es": "Hola {name}, gracias por tu mensaje. Ya lo leí y me pongo con ello.",
            "pt": "Olá {name}, obrigado pela mensagem. Já li e estou cuidando disso.",
            "ja": "ご連絡ありがとうございます。内容を確認し、ただいま対応しております。",
        ],
        "tool_failure": [
            "en": "Hi {name}, our system couldn't fetch that for you, so I'm checking it by hand right now.",
            "es": "Hola {name}, nuestro sistema no pudo consultarlo, así que lo estoy revisando a mano ahora mismo.",
            "pt": "Olá {name}, nosso sistema não conseguiu consultar isso, então estou verificando manualmente agora.",
            "ja": "システムで情報を取得できなかったため、ただいま私が直接確認しております。",
        ],
        "low_confidence": [
            "en": "Hi {name}, your question needs a specialist's answer, and I'm looking into it now.",
            "es": "Hola {name}, tu pregunta necesita la respuesta de un especialista y ya la estoy revisando.",
            "pt": "Olá {name}, sua pergunta precisa da resposta de um especialista, e já estou verificando.",
            "ja": "専門的なご質問のため、ただいま詳しく確認しております。",
        ],
        "buying_intent": [
            "en": "Hi {name}, thanks for your interest! Could you tell me a bit more about what you need so I can prepare a quote?",
            "es": "Hola {name}, ¡gracias por tu interés! ¿Me cuentas un poco más sobre lo que necesitas para preparar una cotización?",
            "pt": "Olá {name}, obrigado pelo interesse! Pode me contar um pouco mais sobre o que você precisa para eu preparar um orçamento?",
            "ja": "ご興味をお持ちいただきありがとうございます。お見積もりを作成するため、ご希望の内容をもう少し詳しく教えていただけますか。",
        ],
        "repeat_contact": [
            "en": "Hi {name}, I can see you've contacted us about this before, and I'm sorry it's still not fixed. I'll own it until it is.",
            "es": "Hola {name}, veo que ya nos escribiste antes por esto y lamento que siga sin resolverse. Me encargo hasta que quede resuelto.",
            "pt": "Olá {name}, vejo que você já entrou em contato sobre isso antes, e sinto muito que ainda não esteja resolvido. Vou cuidar disso até resolver.",
            "ja": "以前にも同じ件でご連絡いただいていたことを確認しました。まだ解決しておらず申し訳ございません。解決まで私が責任を持って対応いたします。",
        ],
    ]

    /// Suggested replies for a policy topic, whatever the trigger. A medical or safety handoff leads
    /// with what the packet recommends first: calling emergency services.
    public static let defaultSuggestedReplyByTopic: [String: [String: String]] = [
        "medical": [
            "en": "If anyone is hurt or in danger, please call your local emergency number right now. Once everyone is safe, I'll help with the rest: which product is it, and what happened?",
            "es": "Si alguien está herido o en peligro, llama ahora mismo al número de emergencias de tu zona. Cuando todos estén a salvo, te ayudo con lo demás: ¿qué producto es y qué pasó?",
            "pt": "Se alguém estiver ferido ou em perigo, ligue agora mesmo para o número de emergência da sua região. Quando todos estiverem em segurança, eu ajudo com o resto: qual é o produto e o que aconteceu?",
            "ja": "けがをされた方や危険な状況の方がいらっしゃる場合は、今すぐ最寄りの緊急通報番号にお電話ください。皆さまの安全が確保されましたら、残りの件についてお手伝いいたします。製品名と状況を教えていただけますか。",
        ],
    ]

    public static let defaultWait: [String: [String: String]] = [
        "under_2_minutes": ["en": "less than 2 minutes", "es": "menos de 2 minutos", "pt": "menos de 2 minutos", "ja": "2分以内"],
        "minutes": ["en": "about {minutes} minutes", "es": "unos {minutes} minutos", "pt": "cerca de {minutes} minutos", "ja": "約{minutes}分"],
        "hour": ["en": "about an hour", "es": "alrededor de una hora", "pt": "cerca de uma hora", "ja": "約1時間"],
        "hours": ["en": "about {hours} hours", "es": "unas {hours} horas", "pt": "cerca de {hours} horas", "ja": "約{hours}時間"],
        "unknown": [
            "en": "as soon as a team member is available",
            "es": "en cuanto una persona del equipo esté disponible",
            "pt": "assim que alguém da equipe estiver disponível",
            "ja": "担当者の手が空き次第",
        ],
    ]

    /// Topic phrases; the `default` entry (under the empty topic) is the generic word for "this".
    public static let defaultTopicPhrase: [String: [String: String]] = [
        "": ["en": "this", "es": "esto", "pt": "isso", "ja": "お問い合わせ内容"],
        "refund": ["en": "a refund", "es": "un reembolso", "pt": "um reembolso", "ja": "返金"],
        "billing_dispute": ["en": "a charge on your account", "es": "un cargo en tu cuenta", "pt": "uma cobrança na sua conta", "ja": "ご請求内容"],
        "legal": ["en": "a legal matter", "es": "un asunto legal", "pt": "uma questão jurídica", "ja": "法的なご相談"],
        "privacy": ["en": "your personal data", "es": "tus datos personales", "pt": "seus dados pessoais", "ja": "個人情報の取り扱い"],
        "medical": ["en": "a health or safety concern", "es": "un problema de salud o seguridad", "pt": "um problema de saúde ou segurança",
                    "ja": "健康・安全に関するご相談"],
        "security": ["en": "your account's security", "es": "la seguridad de tu cuenta", "pt": "a segurança da sua conta", "ja": "アカウントのセキュリティ"],
        "lockout": ["en": "getting back into your account", "es": "recuperar el acceso a tu cuenta", "pt": "recuperar o acesso à sua conta",
                    "ja": "アカウントへのログイン"],
        "cancellation": ["en": "cancelling", "es": "una cancelación", "pt": "um cancelamento", "ja": "解約"],
    ]

    /// Said instead of a wait when the queue is open but nobody who works it is on shift, per after-hours policy.
    public static let defaultNoOneOnShift: [String: [String: String]] = [
        "queue_with_eta": [
            "en": "Nobody from our team is on shift right now. You're in the queue, and the first team member on shift will reply to you here; you won't need to repeat anything.",
            "es": "Ahora mismo no hay nadie de nuestro equipo de turno. Estás en la fila y la primera persona que entre de turno te responderá aquí; no hará falta que repitas nada.",
            "pt": "No momento não há ninguém da nossa equipe de plantão. Você está na fila e a primeira pessoa que entrar no turno vai responder aqui; não precisa repetir nada.",
            "ja": "ただいま対応できる担当者がおりません。順番にご案内しておりますので、最初に対応可能になった担当者がこちらでご返信いたします。同じ説明を繰り返していただく必要はございません。",
        ],
        "callback": [
            "en": "Nobody from our team is on shift right now. We've noted your request, and a team member will call you back as soon as someone is on shift.",
            "es": "Ahora mismo no hay nadie de nuestro equipo de turno. Registramos tu solicitud y una persona del equipo te llamará en cuanto alguien entre de turno.",
            "pt": "No momento não há ninguém da nossa equipe de plantão. Registramos seu pedido e uma pessoa da equipe vai ligar para você assim que alguém entrar no turno.",
            "ja": "ただいま対応できる担当者がおりません。ご依頼を承りましたので、担当者が対応可能になり次第、折り返しご連絡いたします。",
        ],
        "acknowledge_close": [
            "en": "Nobody from our team is on shift right now. We've noted your request and kept this conversation; the first team member on shift will follow up here, so you won't need to repeat anything.",
            "es": "Ahora mismo no hay nadie de nuestro equipo de turno. Registramos tu solicitud y guardamos esta conversación; la primera persona de turno te responderá por aquí, así que no hará falta que repitas nada.",
            "pt": "No momento não há ninguém da nossa equipe de plantão. Registramos seu pedido e guardamos esta conversa; a primeira pessoa de plantão vai responder por aqui, então não precisa repetir nada.",
            "ja": "ただいま対応できる担当者がおりません。ご依頼内容は承り、これまでのやり取りも保存しております。担当者が対応可能になり次第、こちらでご連絡いたします。",
        ],
    ]

    /// The update when the promised wait has passed. The customer already heard the handoff message, so it
    /// introduces nobody; `{wait}` is the new estimate.
    public static let defaultWaitUpdate: [String: String] = [
        "en": "Hi {name}, thanks for waiting. It's taking longer than we said, and you're still in line. New estimate: {wait}.",
        "es": "Hola {name}, gracias por esperar. Está tardando más de lo que te dijimos y sigues en la fila. Nueva estimación: {wait}.",
        "pt": "Olá {name}, obrigado por aguardar. Está demorando mais do que dissemos, e você continua na fila. Nova estimativa: {wait}.",
        "ja": "お待たせして申し訳ございません。ご案内より時間がかかっておりますが、順番は保たれております。新しい目安：{wait}。",
    ]

    /// After-hours callback confirmations; `{when}` reads "tomorrow, Tue 1 Dec, at 16:00" (`CallbackWording`).
    public static let defaultCallbackConfirmation: [String: [String: String]] = [
        "requested": [
            "en": "Our team is offline right now. We've noted your request and will call you back {when}.",
            "es": "Nuestro equipo no está disponible ahora. Registramos tu solicitud y te llamaremos {when}.",
            "pt": "Nossa equipe está offline agora. Registramos seu pedido e ligaremos para você {when}.",
            "ja": "ただいま営業時間外です。ご依頼を承りました。{when}に折り返しお電話いたします。",
        ],
        "moved": [
            "en": "Our team is offline right now. The time you asked for is outside our opening hours, so we'll call you back at the nearest time we can: {when}.",
            "es": "Nuestro equipo no está disponible ahora. La hora que pediste está fuera de nuestro horario, así que te llamaremos en el momento más cercano posible: {when}.",
            "pt": "Nossa equipe está offline agora. O horário que você pediu está fora do nosso expediente, então ligaremos no horário mais próximo possível: {when}.",
            "ja": "ただいま営業時間外です。ご希望の時間は営業時間外のため、最も早い対応可能な時間（{when}）に折り返しお電話いたします。",
        ],
    ]

    public static let defaultWeekday: [String: [String: String]] = [
        "sun": ["en": "Sun", "es": "dom", "pt": "dom", "ja": "日曜"],
        "mon": ["en": "Mon", "es": "lun", "pt": "seg", "ja": "月曜"],
        "tue": ["en": "Tue", "es": "mar", "pt": "ter", "ja": "火曜"],
        "wed": ["en": "Wed", "es": "mié", "pt": "qua", "ja": "水曜"],
        "thu": ["en": "Thu", "es": "jue", "pt": "qui", "ja": "木曜"],
        "fri": ["en": "Fri", "es": "vie", "pt": "sex", "ja": "金曜"],
        "sat": ["en": "Sat", "es": "sáb", "pt": "sáb", "ja": "土曜"],
    ]
}

/// One family of customer-facing texts: per key (a kind, a topic, both, or neither) and per language.
public struct TemplateSet: Sendable, Equatable {
    /// What a text applies to. `kind` is a trigger kind, an after-hours policy or a wait bucket; `topic`
    /// a policy topic. Nil in both is the family's default.
    public struct Key: Sendable, Hashable {
        public var kind: String?
        public var topic: String?

        public init(kind: String? = nil, topic: String? = nil) {
            self.kind = kind
            self.topic = topic
        }

        public static let fallback = Key()
    }

    /// texts[key][language]
    public var texts: [Key: [String: String]]

    public init(texts: [Key: [String: String]] = [:]) { self.texts = texts }

    /// From tables keyed by kind (`default` being the fallback) and by topic (the empty topic being the fallback).
    public init(byKind: [String: [String: String]] = [:], byTopic: [String: [String: String]] = [:]) {
        var texts: [Key: [String: String]] = [:]
        for (kind, languages) in byKind { texts[Key(kind: kind == "default" ? nil : kind), default: [:]].merge(languages) { $1 } }
        for (topic, languages) in byTopic { texts[Key(topic: topic.isEmpty ? nil : topic), default: [:]].merge(languages) { $1 } }
        self.init(texts: texts)
    }

    /// Adds or replaces texts for `key`, language by language.
    public mutating func set(_ key: Key, _ languages: [String: String]) {
        texts[key, default: [:]].merge(languages) { $1 }
    }

    /// The languages to try for `language`: `es-mx`, then `es`.
    static func candidates(_ language: String) -> [String] {
        let lowered = language.lowercased().replacingUnderscores()
        var result = [lowered]
        if let dash = lowered.firstIndex(of: "-") { result.append(String(lowered[..<dash])) }
        return result.filter { !$0.isEmpty }
    }

    /// The language a lookup for `language` uses: the customer's when this family has any text in it, else English.
    public func language(for language: String) -> String {
        let available = Set(texts.values.flatMap(\.keys))
        return Self.candidates(language).first { available.contains($0) } ?? "en"
    }

    /// The text for `kind` and `topic`: in the customer's language from the most specific key to the
    /// default (`includingDefault`), then the same in English.
    public func text(kind: String?, topic: String?, language: String, includingDefault: Bool = true) -> String? {
        var keys: [Key] = []
        if let kind, let topic { keys.append(Key(kind: kind, topic: topic)) }
        if topic != nil { keys.append(Key(topic: topic)) }
        if kind != nil { keys.append(Key(kind: kind)) }
        if includingDefault || (kind == nil && topic == nil) { keys.append(.fallback) }
        for candidate in Self.candidates(language) + ["en"] {
            for key in keys {
                if let text = texts[key]?[candidate] { return text }
            }
        }
        return nil
    }
}

private extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
