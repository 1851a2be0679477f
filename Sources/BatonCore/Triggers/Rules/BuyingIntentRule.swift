/// Fires when a customer wants to buy at scale, which sales handles: quotes, wholesale, bulk,
/// volume or enterprise pricing, seats and licences, a team of N, N units, buying for a whole company.
///
/// Numbers count only with a unit: five or more seats, licences or users, twenty or more goods
/// (`80 laptops`, `cotización para 1000 unidades`), or a team, company or group of five or more.
public struct BuyingIntentRule: TriggerRule {
    public let kind = TriggerKind.buyingIntent

    /// Compiled once per process; held here so matching skips the global lookup.
    private let phrases: PhraseSet<String> = Self.phrases

    public init() {}

    public func evaluate(_ context: TriggerContext, at index: Int) -> FiredTrigger? {
        guard context.conversation.messages[index].role == .customer else { return nil }
        let text = context.texts[index]
        // "Alexa, order more cat food in bulk": a command to someone else's assistant.
        if RelayedMessage.isDictated(text) { return nil }
        // "Qual a cotação do euro?": a quote of a currency or a share is its price, not a sales quote.
        if let match = phrases.firstMatch(in: text), !text.words.contains(where: Self.marketWords.contains),
           !Self.asksWhetherOffered(text) {
            return fired(context, index, match.range, rule: "buying_intent/\(match.payload)")
        }
        if let tokens = Self.quantity(in: text) { return fired(context, index, tokens, rule: "buying_intent/quantity") }
        return nil
    }

    private func fired(_ context: TriggerContext, _ index: Int, _ tokens: Range<Int>, rule: String) -> FiredTrigger {
        FiredTrigger(kind: kind, message: index, reason: "matched '\(context.excerpt(message: index, tokens: tokens))'",
                     rule: rule)
    }

    /// Tokens of a quantity large enough to be a sales matter, if any.
    static func quantity(in text: NormalizedText) -> Range<Int>? {
        for index in 0..<text.count where text.tokens[index].flags.contains(.number) {
            guard let amount = Int(text.words[index].prefix(9)) else { continue }
            // "80 laptops", "500 new seats": the unit may follow after one adjective.
            for next in (index + 1)..<min(index + 3, text.count) {
                let id = text.tokens[next].id
                if amount >= 5 && seatUnits.contains(id) { return index..<(next + 1) }
                if amount >= 20 && text.has(.unitNoun, at: next) { return index..<(next + 1) }
            }
            // "if I order 200 of the planters", "si les compro 200 macetas": a large order, whatever the goods.
            // "order 5541 status?" is an order number: the English verb needs its subject or "to" before it.
            if amount >= 50 && index >= 1 && orderVerbs.contains(text.words[index - 1])
                && (!englishOrderVerbs.contains(text.words[index - 1]) || index >= 2 && orderSubjects.contains(text.words[index - 2])) {
                return (index - 1)..<(index + 1)
            }
            // "a team of 500", "empresa de 40".
            if amount >= 5 && index >= 2 && groupOf.contains(text.tokens[index - 1].id)
                && text.has(.buyScale, at: index - 2) {
                return (index - 2)..<(index + 1)
            }
        }
        return nil
    }

    /// Whether `text` only asks if business or volume prices exist: "do you have enterprise pricing?", "is there a
    /// discount for teams?", "¿tienen descuentos para empresas?", "vocês têm preço pra empresa?". One clause, a
    /// question, opened by a verb of having or offering, with no number and no quote, demo or salesperson asked for.
    /// The AI answers it; the customer's next message, with a size, goes to sales.
    public static func asksWhetherOffered(_ text: NormalizedText) -> Bool {
        guard text.count > 1, text.questionMarks > 0 else { return false }
        var start = 0
        if askedOf.contains(text.words[0]) { start = 1 }
        guard start + 1 < text.count else { return false }
        let opener = text.words[start], next = text.words[start + 1]
        let opens = offerVerbs.contains(opener)
            || (opener == "do" || opener == "does") && ["you", "u", "yall"].contains(next)
            || (opener == "is" || opener == "are") && next == "there"
            || opener == "any" && start == 0
        guard opens else { return false }
        for index in 1..<text.count {
            if text.tokens[index].flags.contains(.clauseStart) || text.tokens[index].flags.contains(.number) { return false }
            if requestWords.contains(text.words[index]) { return false }
        }
        return true
    }

    /// Who a question is put to, before its verb: "ustedes tienen…", "vcs têm…".
    static let askedOf: Set<String> = ["ustedes", "uds", "vos", "voces", "vcs", "vc", "voce", "you", "u"]
    /// Verbs that ask whether something is offered, in three languages (folded: "têm" is "tem").
    static let offerVerbs: Set<String> = [
        "tienen", "teneis", "tenes", "tiene", "hay", "ofrecen", "ofreces", "manejan", "existe", "existen", "dan",
        "tem", "oferecem", "oferece", "fazem", "trabalham",
        "offer", "have", "got",
    ]
    /// Words that ask for a quote, a demo or a salesperson: more than whether a price exists.
    static let requestWords: Set<String> = [
        "quote", "quotation", "demo", "sales", "salesperson", "rep", "contact", "cotizacion", "cotizar", "presupuesto",
        "ventas", "vendedor", "asesor", "cotacao", "orcamento", "vendas", "consultor",
    ]

    static let seatUnits: Set<Int32> = ids("seats seat licenses licences license licence licencias licencas users usuarios usuarios employees empleados funcionarios agents members")
    static let groupOf: Set<Int32> = ids("of de")
    /// Verbs of buying in the present, before a quantity: "order 200", "compro 300", "comprar 100".
    static let orderVerbs: Set<String> = [
        "order", "buy", "purchase", "compro", "compre", "comprar", "compramos", "comprariamos",
        "encomendar", "encomendo", "comprarmos", "comprasse", "comprassemos",
    ]
    static let englishOrderVerbs: Set<String> = ["order", "buy", "purchase"]
    /// Who orders, or the infinitive's "to": "if I order 200", "we'd like to buy 300".
    static let orderSubjects: Set<String> = ["i", "we", "to", "ll", "will", "would", "could", "can", "wed", "id", "and"]

    private static func ids(_ words: String) -> Set<Int32> {
        Set(TextNormalizer.fold(words).compactMap { Lexicon.shared.id(of: $0) })
    }

    static let marketWords: Set<String> = [
        "euro", "euros", "dolar", "dolares", "dollar", "dollars", "moeda", "moedas", "moneda", "cambio", "bitcoin",
        "acao", "acoes",
    ]
    static let phraseEntries: [(String, String)] = [
        ("quote|quotation|quotes|wholesale|bulk|reseller|resale|distributor|distributors|procurement|rfq", "en"),
        ("cotizacion|cotizaciones|cotizar|cotiza|mayoreo|mayorista|mayoristas|distribuidor|distribuidores", "es"),
        ("cotacao|cotacoes|orcamento|atacado|atacadista|revenda|revendedor|revendedores|revender", "pt"),
        // A shop that wants to sell the product: "trade prices", "stock your oat milk", "vender sus productos".
        ("trade price|prices|pricing|terms|account|discount|discounts|rates", "en"), ("rfp", "en"),
        ("request|requests for proposal|proposals|tender", "en"), ("propuesta|proposta comercial|comerciales|comerciais", "es"), ("stock|resell|retail|distribute your|ur", "en"),
        ("revender|distribuir|revendo|distribuyo|distribuo su|sus|tu|tus|seu|seus|sua|suas|os|as|o|a|_ producto|productos|produto|produtos|marca", "es"),
        ("@scale @pricing", "en"), ("@pricing for|para a|an|our|my|uma|um|un|una|_ @scale", "en"),
        ("sales team|rep|department|representative|person|contact", "en"),
        // "A fleet deal for 25 vans", "a group booking for 60 passengers".
        ("fleet deal|deals|discount|discounts|rate|rates|pricing|price|prices|quote|account|hire|lease|leasing", "en"),
        ("group booking|bookings|rate|rates|discount|discounts|reservation|reservations|travel", "en"), ("talk|speak|contact to|with|_ sales", "en"),
        ("book|schedule|request|get a|_ demo", "en"),
        ("buy|purchase|order|license|get|buying|purchasing|ordering this|it|them|these|licenses|seats|_ for|across|to my|our|the whole|entire|_ @scale", "en"),
        ("roll|rolling it|this|_ out to|across|for my|our|the|_ whole|entire|_ @scale", "en"),
        // "Our company wants to roll out your software across 3 sites".
        ("roll|rolling out ** across|to|at|in * sites|offices|locations|branches|stores|clinics|schools|campuses|departments|teams|@scale", "en"),
        ("comprar|adquirir|contratar ** para|pra toda|todo|_ la|a|o|mi|minha|meu|nuestra|nossa|_ @scale", "es"), ("en|em grandes|_ cantidad|cantidades|quantidade|quantidades", "es"),
        ("precio|precios|preco|precos por|de volumen|volume|mayor|cantidad", "es"),
        // "Queremos pasar todo el equipo al plan business", "migrar o time todo pro plano empresarial".
        ("todo|toda el|la|o|a|_ equipo|empresa|time|equipe|oficina|escritorio ** plan|plano business|empresarial|empresa|enterprise|corporativo", "es"),
        ("equipo|empresa|time|equipe|oficina|escritorio todo|toda|inteiro|inteira|entero|entera ** plan|plano business|empresarial|empresa|enterprise|corporativo", "es"),
        // "Me pueden pasar propuesta?", "fibra dedicada para 3 oficinas", "asegurar una flota de 25 camionetas".
        ("pasar|mandar|enviar|manden|mandem|envien|enviem|passar una|uma|la|a|_ propuesta|proposta", "es"),
        ("dedicada|dedicado|dedicated ** @scale", "es"), ("flota|frota|fleet de|of|_", "es"),
    ]

    static let phrases = PhraseSet(phraseEntries)

    static let lexicon = LexiconSource(
        classes: [
            (.buyPricing, """
                pricing price prices discount discounts plan plans license licenses licence licences licensing rates
                precio precios descuento descuentos plan planes licencia licencias preco precos desconto descontos
                plano planos licenca licencas
                """),
            (.buyScale, """
                enterprise volume corporate business team teams company companies organization organisation
                organizations school schools office offices group groups empresa empresas empresarial corporativo
                corporativa equipo equipe negocio negocios agency agencies firm firms staff employees oficinas escritorios
                sucursales filiais sedes
                """),
            (.unitNoun, """
                units unit unidades unidad pieces piezas pecas boxes cajas caixas pallets seats licenses licences
                licencias licencas users usuarios employees empleados funcionarios laptops computers devices phones
                tablets stores locations sites pcs machines kits copies subscriptions accounts cases bottles pairs
                uniforms shirts chairs desks printers monitors members staff person persona pessoa
                """),
        ],
        phrases: phraseEntries.map(\.0))
}
