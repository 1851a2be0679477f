import Testing
@testable import BatonCore

/// Whole-engine checks on indirect wordings: a call back asked with a modal, a person asked to look
/// at the case, someone wanted on the phone or in touch, a transfer the customer did not make, a phone
/// left in a taxi, falling ill from a meal, not renewing, a charge nobody can explain, a shop that
/// wants to stock the product, and a first "I can't log in" that the AI handles first.
@Suite("Indirect wordings, whole engine")
struct IndirectWordingTests {
    let engine = TriggerEngine()

    @Test("hands off with the right primary trigger", arguments: [
        ("¿me podrían llamar al número que tienen registrado?", TriggerKind.explicitRequest),
        ("pode me ligar amanhã de manhã?", .explicitRequest), ("prefiero que lo revise una persona", .explicitRequest),
        ("quero que um atendente veja o meu caso", .explicitRequest),
        ("could someone look into this for me please", .explicitRequest),
        ("please get a manager on the line", .explicitRequest),
        ("I'd like someone from accounts to get in touch with me", .explicitRequest),
        ("gostaria de entrar em contato com um assistente", .explicitRequest),
        ("aparece un retiro de 5000 que no hice", .policyTopic),
        ("tem uma transferência de 800 reais que eu não fiz", .policyTopic),
        ("olvidé el celular en el uber y tiene la app del banco", .policyTopic),
        ("deixei meu celular no ônibus com o app do banco", .policyTopic),
        ("my wife got ill from the prawns we ordered", .policyTopic),
        ("mi hijo se intoxicó con los mariscos que pedimos", .policyTopic),
        ("ficamos doentes depois do jantar que pedimos", .policyTopic),
        ("no voy a renovar el contrato", .policyTopic), ("I won't be renewing my plan", .policyTopic),
        ("não vamos renovar a assinatura", .policyTopic), ("denme de baja el servicio de cable", .policyTopic),
        ("no tengo idea de qué es este cargo", .policyTopic), ("I have no idea what this charge is for", .policyTopic),
        ("não comprei nada e apareceu uma cobrança", .policyTopic), ("I never ordered anything but I was charged", .policyTopic),
        ("someone has been buying things with my card", .policyTopic),
        ("what are your trade terms for cafes?", .buyingIntent), ("we'd love to stock your granola in our shops", .buyingIntent),
        ("quiero revender sus productos en mi tienda", .buyingIntent), ("se eu comprar 150 camisetas, tem desconto?", .buyingIntent),
        ("if we buy 80 of the blue ones what's the price?", .buyingIntent),
        ("esto es una pérdida de tiempo", .sentiment), ("que perda de tempo", .sentiment),
        ("thanks genius, really helpful", .sentiment), ("vocês são uns palhaços", .sentiment),
        ("Oh great, the app froze again. Amazing work 🙄", .sentiment), ("Genial, otra vez sin señal, qué maravilla 🙃", .sentiment),
        ("vcs são uma piada", .sentiment), ("jfc, just fix it", .sentiment), ("how hard is it to send one invoice", .sentiment),
        ("vale, mejor que me llame un comercial", .explicitRequest), ("I need to speak to a nurse about my results", .explicitRequest),
        ("our account manager should reach out to us today", .explicitRequest), ("can a real person take over please", .explicitRequest),
        ("Podem ligar-me amanhã?", .explicitRequest), ("I'd appreciate a call from your claims team", .explicitRequest),
        ("the heater you installed is leaking fumes", .policyTopic), ("we're issuing an RFP for office catering", .buyingIntent),
        ("quote for a 300-person company", .buyingIntent),
        ("could one of your staff take this over for me?", .explicitRequest), ("would a nurse be able to give me a bell?", .explicitRequest),
        ("please have a representative email me", .explicitRequest), ("i'd like a video consultation with an adviser", .explicitRequest),
        ("agradecería que uno de sus asesores se pusiera en contacto conmigo", .explicitRequest),
        ("¿podría un técnico devolverme la llamada?", .explicitRequest), ("gostaria que um dos vossos técnicos me telefonasse", .explicitRequest),
        ("dá para um consultor entrar em contato comigo?", .explicitRequest), ("i dont wanna chat with a bot", .explicitRequest),
        ("oh wonderful, another delay. so helpful", .sentiment), ("tô puto com esse banco", .sentiment),
        ("estou farto de esperar", .sentiment), ("my warranty claim was rejected, I want to appeal", .policyTopic),
        ("what a shambles, the courier dumped my parcel in a puddle", .sentiment),
        ("my card was stolen, what's the process?", .policyTopic),
        ("I lost my debit card on the bus", .policyTopic), ("I was mugged on the way home and they took my wallet", .policyTopic), ("hooman pls", .explicitRequest),
        ("got pickpocketed at the station, what now", .policyTopic),
        ("can you transfer me to the billing department", .explicitRequest), ("transfiéreme con el área de cobranzas", .explicitRequest),
        ("me transfere pro setor de cancelamento", .explicitRequest), ("my son got hurt at the trampoline park yesterday", .policyTopic),
        ("the instructor kept touching my leg during the session", .policyTopic), ("I don't feel safe with the technician you sent", .policyTopic),
        ("money went to a recipient I don't recognise", .policyTopic), ("hay un pago a una cuenta que no reconozco", .policyTopic),
        ("mi abuela se cayó en la tienda y se abrió la cabeza", .policyTopic),
        ("what should I do if my wallet was stolen last night?", .policyTopic), ("what do I do if I think someone has my card details?", .policyTopic),
        ("if I lost my phone with the app on it, what do I need to do?", .policyTopic),
        ("the cash machine on the high street didn't give me the money but my balance went down", .policyTopic),
        ("I took out 200 and only got 150", .policyTopic),
        ("call me back on my mobile please", .explicitRequest), ("can someone call me tomorrow", .explicitRequest),
        ("are you a bot? I want a human", .explicitRequest), ("I lost my phone and the bank app is on it", .policyTopic),
        ("the ATM outside took my card and never gave it back", .policyTopic),
        ("me asaltaron saliendo del metro, se llevaron la cartera con las tarjetas", .policyTopic),
        ("a payment of 90 euros went out yesterday and I never authorised it", .policyTopic), ("someone stole my visa card", .policyTopic),
        ("mi tarjeta fue robada en el metro", .policyTopic), ("o meu cartão foi roubado ontem", .policyTopic),
    ])
    func handsOff(_ text: String, _ kind: TriggerKind) {
        let decision = engine.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == kind,
                "\"\(text)\" → \(decision.primary?.rule ?? "nothing"): \(decision.primary?.reason ?? "")")
    }

    @Test("look-alikes keep the AI", arguments: [
        "me pueden llamar un taxi?", "I ordered 60 minutes ago, where is it?", "do you stock size 10?",
        "quiero que me llamen cuando llegue el pedido", "el asistente virtual no me entendió la dirección",
        "can you look into the tracking for me?", "I left my card at home, can I pay with my phone?",
        "I can't log into the app", "no puedo entrar a mi cuenta", "não consigo acessar o app",
        "I'll get in touch with my bank about it", "gracias crack, era eso", "nada", "nao, so isso msm", "no, that's all",
        "call me crazy but I love the new layout", "llámame loco pero me encanta la app", "call the doctor's surgery",
        "no need for an agent, just send me the link", "order 5541 status?", "what counts as fraud protection on my card?",
        "thanks! 🙃", "solo quería decir que la enfermera fue un amor con mi mamá", "quiero agregar a otra persona a mi plan",
        "oh great, thanks for the quick answer!", "what's the process for reporting fraud?",
        "¿cuál es el procedimiento si roban una tarjeta?", "what are the steps to dispute a charge?",
    ])
    func keepsTheAI(_ text: String) {
        let decision = engine.evaluate(ConversationFixture.customer([text]))
        #expect(!decision.handoff, "\"\(text)\" fired \(decision.primary?.rule ?? ""): \(decision.primary?.reason ?? "")")
    }

    @Test("a legal threat said in anger is a legal matter first", arguments: [
        "I've had enough of this. If it isn't fixed by Friday I'm passing this to my solicitor.",
        "estoy harta, voy a llamar a mi abogado", "que vergonha, vou processar vocês",
    ])
    func legalThreatInAnger(_ text: String) {
        let decision = engine.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.topic == "legal", "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
        #expect(decision.triggers.contains { $0.kind == .sentiment })
    }

    @Test("patterns shared by Spanish and Portuguese name the customer's language", arguments: [
        ("gostaria que um consultor me contactasse", "pt"), ("necesito que un asesor me llame", "es"),
        ("tem como um consultor entrar em contato comigo?", "pt"), ("que alguien se ponga en contacto conmigo", "es"),
    ])
    func sharedPatternsNameTheLanguage(_ text: String, _ language: String) {
        let decision = engine.evaluate(ConversationFixture.customer([text], language: language))
        #expect(decision.primary?.rule == "explicit_request/\(language)", "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
    }

    @Test("a question the customer says is only asked, or a request quoted for translation, keeps the AI", arguments: [
        "what happens if I lose my card abroad? asking just in case", "out of curiosity, how do I close a savings account?",
        "¿qué pasa si me clonan la tarjeta? pregunto por si acaso", "como cancelo el seguro? todavía no sé si lo voy a hacer",
        "quanto tempo demora pra cancelar a conta? ainda não sei se vou cancelar",
        "como faço pra bloquear o cartão roubado? só por curiosidade",
        "what is the legal definition of identity theft?", "how do you say 'I want to talk to a person' in German",
        "translate can I speak with your supervisor into Portuguese", "send a text to Priya saying the refund came through",
        "text my brother that the bank froze his card again lol", "manda uma mensagem pra Júlia dizendo que perdi o ônibus",
        "mándale un whatsapp a mi hermana diciendo que quiero hablar con ella",
        "what does identity theft insurance cover? it's for my economics essay", "explícame qué es un contracargo, es para mi tarea",
        "o que é phishing? é pra minha prova amanhã", "cancel my uber please", "cancela la alarma de las 7",
        "hey siri call my dentist", "alexa, order more cat food in bulk", "does my policy cover legal fees if I ever need a lawyer?",
        "¿la póliza cubre abogado por si algún día lo necesito?", "perdí la cuenta de cuántos pedidos hice este mes jaja",
        "¿qué incluye la protección contra fraude?", "how do fraud alerts work?",
        "you can call me Priya", "what do you call me", "from now on call me captain", "am I talking to a real person?",
        "are you a person or a bot", "¿estoy hablando con una persona?", "help me find my lost phone, make it ring",
        "will closing a card hurt my credit score?",
        "I found the card I'd lost behind the sofa, can I start using it again?", "which ATMs near the station accept my card?", "¿cómo se dice 'quiero hablar con un agente' en inglés?",
    ])
    func onlyAskingOrQuoted(_ text: String) {
        let decision = engine.evaluate(ConversationFixture.customer([text]))
        #expect(!decision.handoff, "\"\(text)\" fired \(decision.primary?.rule ?? ""): \(decision.primary?.reason ?? "")")
    }

    @Test("a case told with a hedge, or a hedge outside a question, still hands off", arguments: [
        "block my card just in case, I think someone stole it from my bag", "mi tarjeta fue robada ayer, por si acaso bloquéenla",
        "send a message to your fraud team saying my card was stolen",
    ])
    func hedgeOutsideAQuestion(_ text: String) {
        let decision = engine.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == .policyTopic, "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
    }

    @Test("login trouble told again is a lockout", arguments: [
        "I still can't log in after the reset", "sigo sin poder entrar a mi cuenta", "ainda não consigo entrar na conta",
    ])
    func loginTroubleAgain(_ text: String) {
        let decision = engine.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == .policyTopic, "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
    }

    /// The rules alone, so these checks cannot pass on the model's say-so.
    static let rulesAlone: TriggerEngine = {
        var config = EngineConfig()
        config.model = false
        return TriggerEngine(config: config)
    }()

    @Test("a card or phone gone, a card kept by a machine, a blocked PIN, cash short: the rules hand off", arguments: [
        ("my debit card has gone missing", "security"), ("can't find my visa card anywhere, help", "security"),
        ("I cant seem to find my card", "security"), ("I no longer have my phone and the bank app is on it", "security"),
        ("my mobile was taken from my table at lunch", "security"), ("no encuentro mi tarjeta desde ayer", "security"),
        ("não acho meu cartão, o que eu faço", "security"),
        ("someone has just taken money out of my account", "security"), ("it was not me who made that transfer", "security"),
        ("alguien hizo una compra con mi tarjeta", "security"),
        ("what do I do now that the cash machine kept my card?", "lockout"), ("what should I do if the ATM swallowed my card", "lockout"),
        ("my card got stuck inside the machine at the station", "lockout"), ("how do I get my card out of the cashpoint", "lockout"),
        ("I've exceeded the allowed PIN attempts", "lockout"), ("my PIN keeps getting rejected", "lockout"),
        ("please unlock my card", "lockout"), ("mi clave no funciona en ningún cajero", "lockout"),
        ("the machine only gave me half the cash", "billing_dispute"), ("I got less money than I asked for at the cashpoint", "billing_dispute"),
        ("my withdrawal was short by 40 euros", "billing_dispute"), ("the same payment is showing three times, several times today", "billing_dispute"),
        ("Why is a purchase showing twice on the statement?", "billing_dispute"), ("a payment I did not authorise, I do not remember it", "billing_dispute"),
        ("there are withdrawals that aren't mine", "billing_dispute"), ("o caixa me deu menos dinheiro do que eu pedi", "billing_dispute"),
        ("why didn't the cash machine give me the full amount?", "billing_dispute"), ("only got 50 out when I withdrew 200", "billing_dispute"),
        ("some of the cash was missing when I counted it at the ATM", "billing_dispute"),
        ("I think somebody has already withdrawn cash with my card", "security"),
    ])
    func incidentsTheRulesCatch(_ text: String, topic: String) {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == .policyTopic && decision.primary?.topic == topic,
                "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
    }

    @Test("a card's details looked for, a withdrawal declined, a new card, a supposition: the AI keeps them", arguments: [
        "where do I find my card number in the app", "no encuentro el número de mi tarjeta en la app",
        "I couldn't take money out at the ATM, why?", "the ATM would not give me any cash, is my card ok?",
        "how do I unlock the new card that came today?", "what happens if the ATM keeps my card?",
        "what should I do if my card is ever stolen", "my son has used my card before with my permission",
        "someone has made a payment to me, when does it arrive", "the shop gave me a voucher instead of cash",
        "how do I unfreeze my card in the app", "my gift card is missing from the parcel",
        "is my new card lost in the post? it still hasn't arrived", "I lost my password, how do I reset it",
        "I froze my card last week, can I turn it back on?", "I found the card I reported stolen, can I keep using it?",
        "how long does it take to replace a stolen card?", "what do you charge to replace a lost card?",
        "I can't find the virtual card in the app", "my top up is pending and I need the money today",
        "I want to cancel my table reservation for tonight", "we only got the invoice today, thanks",
        "my top up money is missing, was there an error?",
    ])
    func lookAlikesTheRulesLeave(_ text: String) {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer([text]))
        #expect(!decision.handoff, "\"\(text)\" fired \(decision.primary?.rule ?? ""): \(decision.primary?.reason ?? "")")
    }

    @Test("someone who did something is not someone asked for: the model's request is held back")
    func someoneWhoDidSomething() {
        for text in ["alguien hizo un retiro con mi tarjeta", "someone used my card in another city", "alguém sacou dinheiro da minha conta"] {
            let decision = engine.evaluate(ConversationFixture.customer([text]))
            #expect(decision.primary?.kind == .policyTopic, "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
            #expect(!decision.triggers.contains { $0.kind == .explicitRequest }, "\"\(text)\"")
        }
    }

    @Test("the name the AI should use, or whether it is a person, is not a request for one", arguments: [
        "people call me Brad", "the name you should call me is Janet", "I'd like you to call me by a new name",
        "what would you like to call me?", "tell me if you are a real person or an AI", "so are you an actual person",
        "are you a computer, or are you a real person?", "thanks, that's helpful",
    ])
    func nameOrIdentityAsked(_ text: String) {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer([text]))
        #expect(!decision.handoff, "\"\(text)\" fired \(decision.primary?.rule ?? ""): \(decision.primary?.reason ?? "")")
    }

    @Test("asking for a person next to those still asks for one", arguments: [
        "are you a real person? I want a human", "is there a real person there", "can your people call me", "what time can you call me?",
        "that's not helpful", "you're not helping",
    ])
    func personStillAsked(_ text: String) {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == .explicitRequest, "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
    }

    @Test("fear, an accident, gas, luggage lost, a team moving plan, the bot's FAQ again: the rules hand off", arguments: [
        ("there's a strong smell of gas near the boiler, I can smell gas everywhere", TriggerKind.policyTopic),
        ("the taxi driver was threatening me and I felt unsafe", .policyTopic), ("el chofer manejaba borracho, tuvimos mucho miedo", .policyTopic),
        ("o motorista ameaçou a gente no meio do caminho", .policyTopic), ("we had a car accident with the van you rented us", .policyTopic),
        ("tuvimos un choque con el auto alquilado", .policyTopic), ("a aérea extraviou minha bagagem e quero ser ressarcida", .policyTopic),
        ("queremos pasar toda la oficina al plan empresarial", .buyingIntent), ("quero migrar a equipe toda pro plano business", .buyingIntent),
        ("honestly you people are a joke", .sentiment), ("do you even listen to what I say?", .sentiment),
        ("quit sending me the same FAQ link", .sentiment), ("o bot me mandou o link do FAQ de novo 🙄", .sentiment),
        ("is anyone real there?", .explicitRequest),
        ("are any agents online right now?", .explicitRequest), ("go get your supervisor", .explicitRequest),
        ("please pass this chat over to a colleague", .explicitRequest), ("is there somebody from accounts I could speak with", .explicitRequest),
        ("this is the fifth message I've sent about the same leak", .sentiment), ("thanks so much for wasting my morning", .sentiment),
        ("an absolute shambles from start to finish", .sentiment),
        ("there was a shard of glass in the pasta sauce", .policyTopic), ("the electrician left live wires sticking out", .policyTopic),
        ("the brakes on the scooter failed going downhill", .policyTopic), ("I sprained my ankle on your broken step", .policyTopic),
        ("delete every bit of my son's personal data", .policyTopic), ("my late mother's account has to be closed", .policyTopic),
        ("you kept charging me after I closed the account", .policyTopic), ("I want to open a chargeback", .policyTopic),
        ("I'd like my deposit refunded, the flat was never available", .policyTopic),
        ("what's your fleet pricing for 40 cars", .buyingIntent), ("looking for group rates for 35 guests", .buyingIntent),
    ])
    func fearAccidentsAndMore(_ text: String, kind: TriggerKind) {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == kind, "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
    }

    @Test("a refund's status, a refund arrived, an order changed before it ships, asking just to know: the AI keeps them", arguments: [
        "what's the refund status for return 5521?", "estado de mi reembolso 4471?", "o estorno entrou ontem, obrigada",
        "please cancel order 5531 before it ships, I ordered the wrong colour", "how do you report a stolen card? I just want to know",
        "¿cómo se bloquea una tarjeta robada? pregunto nomás",
    ])
    func routineNextToTopics(_ text: String) {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer([text]))
        #expect(!decision.handoff, "\"\(text)\" fired \(decision.primary?.rule ?? ""): \(decision.primary?.reason ?? "")")
    }

    @Test("Spanish and Portuguese kinds the rules read: disputes opened, charges disowned, thefts, harassment, anger, people asked for", arguments: [
        ("quiero abrir una disputa por una compra que nunca llegó", TriggerKind.policyTopic), ("preciso fazer uma contestação dessa cobrança", .policyTopic),
        ("quiero desconocer este consumo de la tarjeta", .policyTopic), ("hay un gasto en Lima y yo nunca viajé a Perú", .policyTopic),
        ("me cobran una suscripción que nunca autoricé", .policyTopic), ("mandé un bizum al número equivocado", .policyTopic),
        ("fiz um pix pra chave errada ontem", .policyTopic), ("furtaram-me o telemóvel no metro", .policyTopic),
        ("me suplantaron en una compra online", .policyTopic), ("un cliente me está acosando por mensajes", .policyTopic),
        ("me tienen hasta la madre con este servicio", .sentiment), ("tô puta da vida com vocês", .sentiment), ("gracias por nada", .sentiment),
        ("quinto día esperando al técnico", .sentiment),
        ("alguém pode analisar meu caso com calma?", .explicitRequest), ("me pongan en contacto con mi ejecutiva", .explicitRequest),
        ("quero agendar uma chamada com um especialista", .explicitRequest),
        ("nos pueden mandar una propuesta para las 12 sucursales?", .buyingIntent), ("quiero asegurar mi flota de 15 taxis", .buyingIntent),
    ])
    func spanishAndPortugueseKinds(_ text: String, kind: TriggerKind) {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == kind, "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
    }

    @Test("someone else's stolen phone, a temporary block, a policy's cover, the bank's measures: the AI keeps them", arguments: [
        "a mi prima le robaron el celular, ¿tienen seguro de equipos?", "roubaram a bolsa da minha mãe, vocês vendem seguro?",
        "¿puedo hacer un bloqueo temporal de la tarjeta desde la app?", "does the travel insurance cover cancelled flights?",
        "o plano cobre cancelamento de viagem?", "fraud worries me, what measures do you have?",
    ])
    func othersAndFeatures(_ text: String) {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer([text]))
        #expect(!decision.handoff, "\"\(text)\" fired \(decision.primary?.rule ?? ""): \(decision.primary?.reason ?? "")")
    }

    @Test("leaving for a competitor, credit taken out in one's name, a passport stolen, a contract rescinded, a call asked with the pronoun after: the rules hand off", arguments: [
        ("honestly I'm leaving for another provider", TriggerKind.sentiment), ("seriously thinking of switching to a competitor", .sentiment),
        ("we will take our business elsewhere", .sentiment), ("me voy a pasar a otra compañía, ya estuvo", .sentiment),
        ("vamos mudar de seguradora, chega", .sentiment), ("vou pra concorrência", .sentiment),
        ("somebody opened a credit card in my name", .policyTopic), ("abrieron una cuenta a mi nombre en otro banco", .policyTopic),
        ("contrataram um financiamento no meu nome", .policyTopic), ("they stole my passport at the station", .policyTopic),
        ("me robaron el pasaporte en el metro", .policyTopic), ("meu passaporte foi roubado no hotel", .policyTopic),
        ("queria rescindir meu contrato de internet", .policyTopic), ("quiero rescindir el contrato del gimnasio", .policyTopic),
        ("podrían llamarme por la tarde?", .explicitRequest), ("consegue passar para um atendente?", .explicitRequest),
        ("we plan to roll out the app in all 40 stores", .buyingIntent), ("all I get from you is canned answers", .sentiment),
    ])
    func leavingAndOtherKinds(_ text: String, kind: TriggerKind) {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == kind, "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
    }

    @Test("another plan, coming to us from another network, one's own loan, a word looked up: the AI keeps them", arguments: [
        "can I switch to another plan with more data?", "if I switch to you from another network can I keep my number?",
        "can I take out a loan in my own name?", "what does rescind mean", "switch to a different language please",
        "I'm moving to another city, can I keep my account?",
    ])
    func notLeaving(_ text: String) {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer([text]))
        #expect(!decision.handoff, "\"\(text)\" fired \(decision.primary?.rule ?? ""): \(decision.primary?.reason ?? "")")
    }

    @Test("closing an account to leave for another bank is the closing first")
    func closingToLeave() {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer(["please close my account, I'm switching to another bank"]))
        #expect(decision.primary?.kind == .policyTopic && decision.primary?.topic == "cancellation",
                "→ \(decision.primary?.rule ?? "nothing"), \(decision.triggers.map(\.rule))")
        #expect(decision.triggers.contains { $0.kind == .sentiment })
    }

    @Test("a song to play and the AI asked to talk are not requests for a person, with the model or without", arguments: [
        "toca me liga do roupa nova", "pon llámame de wrs en spotify", "play call me by blondie",
        "talk to me about the history of rome", "chat with me about football for a bit",
    ])
    func songsAndSmallTalk(_ text: String) {
        for engine in [engine, Self.rulesAlone] {
            let decision = engine.evaluate(ConversationFixture.customer([text]))
            #expect(!decision.handoff, "\"\(text)\" fired \(decision.primary?.rule ?? ""): \(decision.primary?.reason ?? "")")
        }
    }

    @Test("someone asked to talk, a call asked for, still are", arguments: [
        "can someone talk to me", "I need a person to talk to me about my bill", "me liga por favor", "llámame mañana",
        "put me through to someone who can talk to me",
    ])
    func stillRequests(_ text: String) {
        let decision = engine.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == .explicitRequest, "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
    }

    @Test("what a thing is, asked in a few words, is a definition: the AI answers it", arguments: [
        "what is chargeback protection", "what are phishing scams", "what is identity fraud cover?",
    ])
    func definitions(_ text: String) {
        for engine in [engine, Self.rulesAlone] {
            let decision = engine.evaluate(ConversationFixture.customer([text]))
            #expect(!decision.handoff, "\"\(text)\" fired \(decision.primary?.rule ?? ""): \(decision.primary?.reason ?? "")")
        }
    }

    @Test("what this charge is, or what is going on with a refund, is a case", arguments: [
        "what is this charge on my statement", "what is this fraud alert about my card", "what is going on with my refund",
        "what is taking so long with my refund",
    ])
    func notDefinitions(_ text: String) {
        let decision = engine.evaluate(ConversationFixture.customer([text]))
        #expect(decision.handoff, "\"\(text)\" → nothing")
    }

    @Test("someone else's incident long ago or elsewhere before a question, a call declined, a meaning explained: the AI keeps them", arguments: [
        "my brother's phone was stolen years ago, do you offer phone insurance?", "my dad got scammed on another site, how do you verify sellers?",
        "my colleague's account was hacked on another app, do you support two factor login?",
        "no need to call me back, it's all fixed", "no hace falta que me llamen, ya quedó", "pls explain what a refund dispute is",
    ])
    func othersPastCallsDeclinedMeanings(_ text: String) {
        for engine in [engine, Self.rulesAlone] {
            let decision = engine.evaluate(ConversationFixture.customer([text]))
            #expect(!decision.handoff, "\"\(text)\" fired \(decision.primary?.rule ?? ""): \(decision.primary?.reason ?? "")")
        }
    }

    @Test("someone else's incident now, a person still asked for, what happened explained: still handed off", arguments: [
        ("my mum's card was stolen last night, can you block it?", TriggerKind.policyTopic),
        ("my dad was scammed out of 2000 pounds from his account with you, what can we do?", .policyTopic),
        ("no need for this, just get me a human", .explicitRequest), ("explain what happened to my refund", .policyTopic),
    ])
    func stillCases(_ text: String, kind: TriggerKind) {
        let decision = Self.rulesAlone.evaluate(ConversationFixture.customer([text]))
        #expect(decision.primary?.kind == kind, "\"\(text)\" → \(decision.primary?.rule ?? "nothing")")
    }
}
