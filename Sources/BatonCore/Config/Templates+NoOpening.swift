extension Templates {
    /// After-hours texts of a queue whose hours never open, per policy. Nothing here promises when the team is
    /// back: the customer hears that no time can be given yet, and the queue's offer (a call back, a reply in the
    /// queue, a follow-up here) plainly.
    public static let defaultAfterHoursNoOpening: [String: [String: String]] = [
        "callback": [
            "en": "Our team is offline right now, and we can't give you a time yet for when we'll be back. We've noted your request, and a team member will call you back; you won't need to repeat anything.",
            "es": "Nuestro equipo no está disponible ahora y todavía no podemos darte una hora de regreso. Registramos tu solicitud y una persona del equipo te llamará; no tendrás que repetir nada.",
            "pt": "Nossa equipe está offline agora e ainda não podemos informar quando voltaremos. Registramos seu pedido e uma pessoa da equipe vai ligar para você; não vai precisar repetir nada.",
            "ja": "ただいま営業時間外で、再開の時期はまだご案内できません。ご依頼を承りましたので、担当者より折り返しお電話いたします。同じご説明は不要です。",
        ],
        "queue_with_eta": [
            "en": "Our team is offline right now, and we can't give you a time yet for when we'll be back. You're in the queue, and the first team member back will reply to you here; you won't need to repeat anything.",
            "es": "Nuestro equipo no está disponible ahora y todavía no podemos darte una hora de regreso. Estás en la fila y la primera persona del equipo que vuelva te responderá aquí; no tendrás que repetir nada.",
            "pt": "Nossa equipe está offline agora e ainda não podemos informar quando voltaremos. Você está na fila e a primeira pessoa da equipe que voltar vai responder aqui; não vai precisar repetir nada.",
            "ja": "ただいま営業時間外で、再開の時期はまだご案内できません。順番にご案内しておりますので、担当者よりこちらでご返信いたします。同じご説明は不要です。",
        ],
        "acknowledge_close": [
            "en": "Our team is offline right now, {name}, and we can't give you a time yet for when we'll be back. We've noted your request{noted}, and our team will follow up here, so you won't need to repeat anything. To add something, just reply here.",
            "es": "Nuestro equipo no está disponible ahora, {name}, y todavía no podemos darte una hora de regreso. Registramos tu solicitud{noted} y te responderemos por aquí, así que no tendrás que repetir nada. Si quieres agregar algo, responde aquí mismo.",
            "pt": "Nossa equipe está offline agora, {name}, e ainda não podemos informar quando voltaremos. Registramos seu pedido{noted} e responderemos por aqui, então você não vai precisar repetir nada. Se quiser acrescentar algo, é só responder aqui.",
            "ja": "ただいま営業時間外で、再開の時期はまだご案内できません。ご依頼内容{noted}を承りました。こちらでご連絡いたしますので、同じご説明は不要です。追加のご連絡はこちらにご返信ください。",
        ],
    ]
}
