/// The OpenAPI 3.1 description of the API, served at `/v1/openapi.json`. Tests check the server against it
/// (`OpenAPIConformanceTests`), and CI runs schemathesis against a live server with it.
public enum OpenAPIDocument {
    public static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Baton",
    "version": "1.0.0",
    "description": "Hand a support conversation from the AI to a human at the right moment, keep the bot silent while a human holds it, and give it back. Every answer and every event says who holds the conversation (`holder`). Errors are RFC 9457 problem documents. Every POST accepts an `Idempotency-Key` header: a replay within 24 hours returns the stored answer, the same key with another body gets 422."
  },
  "servers": [{"url": "http://127.0.0.1:8080"}],
  "security": [{"bearerAuth": []}],
  "paths": {
    "/v1/conversations": {
      "post": {
        "operationId": "postConversation",
        "summary": "Store a whole conversation (the ingest format) and hand it off if it escalates",
        "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Conversation"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Ingested"},
          "400": {"$ref": "#/components/responses/Problem"},
          "401": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"},
          "413": {"$ref": "#/components/responses/Problem"},
          "415": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/conversations/{id}/messages": {
      "post": {
        "operationId": "postMessage",
        "summary": "Add one message event; an AI message while a human holds the conversation is refused with 409",
        "parameters": [{"$ref": "#/components/parameters/ConversationID"}, {"$ref": "#/components/parameters/IdempotencyKey"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MessageEvent"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Ingested"},
          "400": {"$ref": "#/components/responses/Problem"},
          "401": {"$ref": "#/components/responses/Problem"},
          "404": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"},
          "413": {"$ref": "#/components/responses/Problem"},
          "415": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/conversations/{id}/handoff": {
      "post": {
        "operationId": "postHandoff",
        "summary": "The bot hands the conversation off itself (bot_request), with its reason and summary",
        "parameters": [{"$ref": "#/components/parameters/ConversationID"}, {"$ref": "#/components/parameters/IdempotencyKey"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "additionalProperties": false, "required": ["reason"],
          "properties": {
            "reason": {"type": "string", "minLength": 1},
            "summary": {"type": ["string", "null"]},
            "queue": {"type": ["string", "null"]}
          }
        }}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Ingested"},
          "400": {"$ref": "#/components/responses/Problem"},
          "401": {"$ref": "#/components/responses/Problem"},
          "404": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"},
          "413": {"$ref": "#/components/responses/Problem"},
          "415": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/conversations/{id}/suggestions": {
      "post": {
        "operationId": "postSuggestion",
        "summary": "Collaborative mode: the AI's suggestion for the human who has the conversation (a draft reply, a knowledge-base article, a looked-up fact); never sent to the customer. 409 in a queue with handoff = hard, or while no human has the conversation",
        "parameters": [{"$ref": "#/components/parameters/ConversationID"}, {"$ref": "#/components/parameters/IdempotencyKey"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Suggestion"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Ingested"},
          "400": {"$ref": "#/components/responses/Problem"},
          "401": {"$ref": "#/components/responses/Problem"},
          "404": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"},
          "413": {"$ref": "#/components/responses/Problem"},
          "415": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/conversations/{id}/left": {
      "post": {
        "operationId": "postCustomerLeft",
        "summary": "The customer left before anyone connected (the same as customer_left in baton ingest): a waiting conversation is kept for a written follow-up, in its place, with no more wait updates; one the AI or an agent holds is left as it is",
        "parameters": [{"$ref": "#/components/parameters/ConversationID"}, {"$ref": "#/components/parameters/IdempotencyKey"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "additionalProperties": false, "properties": {}
        }}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Ingested"},
          "400": {"$ref": "#/components/responses/Problem"},
          "401": {"$ref": "#/components/responses/Problem"},
          "404": {"$ref": "#/components/responses/Problem"},
          "413": {"$ref": "#/components/responses/Problem"},
          "415": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/conversations/{id}/csat": {
      "post": {
        "operationId": "postCSAT",
        "summary": "Record the customer's satisfaction score (1 to 5) for the latest handoff",
        "parameters": [{"$ref": "#/components/parameters/ConversationID"}, {"$ref": "#/components/parameters/IdempotencyKey"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "additionalProperties": false, "required": ["score"],
          "properties": {"score": {"type": "integer", "minimum": 1, "maximum": 5}}
        }}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Ingested"},
          "400": {"$ref": "#/components/responses/Problem"},
          "401": {"$ref": "#/components/responses/Problem"},
          "404": {"$ref": "#/components/responses/Problem"},
          "413": {"$ref": "#/components/responses/Problem"},
          "415": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/threads/{id}": {
      "get": {
        "operationId": "getThread",
        "summary": "A conversation's state, holder, owner and context packet",
        "parameters": [{"$ref": "#/components/parameters/ConversationID"}],
        "responses": {
          "200": {"description": "The thread", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thread"}}}},
          "401": {"$ref": "#/components/responses/Problem"},
          "404": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/queues": {
      "get": {
        "operationId": "getQueues",
        "summary": "Per queue: waiting, claimed, breached, oldest wait, wait estimate and agents available",
        "responses": {
          "200": {"description": "The queues", "content": {"application/json": {"schema": {
            "type": "object", "required": ["queues"],
            "properties": {"queues": {"type": "array", "items": {"$ref": "#/components/schemas/Queue"}}}
          }}}},
          "401": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/events": {
      "get": {
        "operationId": "getEvents",
        "summary": "The outbox as a replay feed: events after a cursor, oldest first, with long polling",
        "parameters": [
          {"name": "after", "in": "query", "schema": {"type": "integer", "minimum": 0}, "description": "Cursor: the id of the last event seen (next_cursor of the previous page)."},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
          {"name": "wait", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?(ms|s|m)?$"}, "description": "Long poll: answer as soon as an event exists, at the latest after this long (e.g. 30s, at most 60s)."}
        ],
        "responses": {
          "200": {"description": "A page of events", "content": {"application/json": {"schema": {
            "type": "object", "required": ["events", "next_cursor"],
            "properties": {
              "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
              "next_cursor": {"type": "string"}
            }
          }}}},
          "400": {"$ref": "#/components/responses/Problem"},
          "401": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/events/ack": {
      "post": {
        "operationId": "ackEvents",
        "summary": "Mark events delivered (they stay in the replay feed)",
        "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "additionalProperties": false, "required": ["ids"],
          "properties": {"ids": {"type": "array", "maxItems": 10000, "items": {"type": "integer", "minimum": 1}}}
        }}}},
        "responses": {
          "200": {"description": "How many were newly marked, how many were already, and ids that name no event", "content": {"application/json": {"schema": {
            "type": "object", "required": ["acknowledged", "already_acknowledged", "unknown"], "properties": {
              "acknowledged": {"type": "integer", "minimum": 0}, "already_acknowledged": {"type": "integer", "minimum": 0},
              "unknown": {"type": "array", "items": {"type": "integer"}}
            }
          }}}},
          "400": {"$ref": "#/components/responses/Problem"},
          "401": {"$ref": "#/components/responses/Problem"},
          "413": {"$ref": "#/components/responses/Problem"},
          "415": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/v1/openapi.json": {
      "get": {
        "operationId": "getOpenAPI", "summary": "This document", "security": [],
        "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}
      }
    },
    "/healthz": {
      "get": {"operationId": "health", "summary": "The process is up", "security": [],
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}}
    },
    "/readyz": {
      "get": {"operationId": "ready", "summary": "The store can be read", "security": [],
        "responses": {
          "200": {"description": "ready", "content": {"application/json": {"schema": {"type": "object"}}}},
          "503": {"$ref": "#/components/responses/Problem"}
        }}
    },
    "/metrics": {
      "get": {"operationId": "metrics", "summary": "Prometheus text format", "security": [],
        "responses": {"200": {"description": "metrics", "content": {"text/plain": {"schema": {"type": "string"}}}}}}
    }
  },
  "components": {
    "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "description": "A token from `baton token create NAME`."}},
    "parameters": {
      "ConversationID": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1}},
      "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "required": false,
        "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"}}
    },
    "responses": {
      "Ingested": {"description": "What happened: whether it handed off, why, where, and who holds the conversation now",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IngestResult"}}}},
      "Problem": {"description": "An RFC 9457 problem document", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
    },
    "schemas": {
      "Holder": {"type": "string", "enum": ["ai", "queued", "human", "after_hours", "resolved"],
        "description": "Who holds the conversation; the bot answers only while it is ai (or resolved)."},
      "Problem": {
        "type": "object", "required": ["type", "title", "status", "detail"],
        "properties": {
          "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"},
          "field": {"type": "string", "description": "The offending field, e.g. message.confidence"},
          "holder": {"$ref": "#/components/schemas/Holder"}, "owner": {"type": ["string", "null"]}
        }
      },
      "Customer": {
        "type": "object", "required": ["id"], "description": "Fields Baton does not know are kept with the conversation and shown to agents under from the bot.",
        "properties": {
          "id": {"type": "string", "minLength": 1}, "name": {"type": ["string", "null"]}, "language": {"type": ["string", "null"]},
          "tier": {"type": ["string", "null"]}, "ltv": {"type": ["number", "null"], "minimum": 0},
          "tags": {"type": ["array", "null"], "items": {"type": "string"}},
          "prior_contacts": {"type": ["array", "null"], "items": {"type": "object", "required": ["topic", "days_ago"],
            "properties": {"topic": {"type": "string"}, "days_ago": {"type": "integer", "minimum": 0}}}},
          "attributes": {"type": ["object", "null"], "maxProperties": 50, "propertyNames": {"minLength": 1, "maxLength": 64},
            "description": "Free-form facts from the platform or CRM (account name, plan, contract value...): at most 50, names 1 to 64 bytes, text values at most 1024 bytes.",
            "additionalProperties": {"type": ["string", "number", "boolean", "null"], "maxLength": 1024}},
          "pages": {"type": ["array", "null"], "maxItems": 200, "description": "Pages the customer visited, each with a url or a path.",
            "items": {"type": "object", "required": ["at"],
              "properties": {"url": {"type": "string", "minLength": 1, "maxLength": 2048}, "path": {"type": "string", "minLength": 1, "maxLength": 2048},
                "title": {"type": ["string", "null"], "maxLength": 512}, "at": {"type": "string", "format": "date-time"}},
              "oneOf": [{"required": ["url"], "not": {"required": ["path"]}}, {"required": ["path"], "not": {"required": ["url"]}}]}}
        }
      },
      "Message": {
        "type": "object", "required": ["role", "text"], "description": "Fields Baton does not know are kept with the conversation and shown to agents under from the bot.",
        "properties": {
          "id": {"type": ["string", "null"], "minLength": 1, "description": "The platform's message id: the same message sent again is stored once."},
          "role": {"type": "string", "enum": ["customer", "ai"]},
          "text": {"type": "string"},
          "at": {"type": ["string", "null"], "format": "date-time"},
          "confidence": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
          "intent": {"type": ["string", "null"]},
          "tools": {"type": ["array", "null"], "items": {"type": "object", "required": ["name", "ok"],
            "properties": {"name": {"type": "string"}, "ok": {"type": "boolean"}, "error": {"type": ["string", "null"]}}}},
          "kb": {"type": ["array", "null"], "items": {"type": "string"}},
          "links": {"type": ["array", "null"], "items": {"type": "string"}}
        }
      },
      "Conversation": {
        "type": "object", "required": ["id", "customer", "messages"],
        "properties": {
          "id": {"type": "string", "minLength": 1},
          "channel": {"type": ["string", "null"], "description": "whatsapp, webchat, email, …"},
          "customer": {"$ref": "#/components/schemas/Customer"},
          "messages": {"type": "array", "items": {"$ref": "#/components/schemas/Message"}}
        }
      },
      "MessageEvent": {
        "type": "object", "required": ["message"],
        "properties": {
          "conversation_id": {"type": "string", "description": "Optional; must match the path."},
          "channel": {"type": ["string", "null"]},
          "customer": {"$ref": "#/components/schemas/Customer", "description": "Required for the first message of a new conversation."},
          "message": {"anyOf": [{"$ref": "#/components/schemas/Message"}, {"$ref": "#/components/schemas/Suggestion"}],
                      "description": "A message, or with role ai_suggestion the AI's suggestion for the agent (collaborative mode)"}
        }
      },
      "Suggestion": {
        "type": "object",
        "description": "kind reply: text is a draft reply; article: title and url (text an optional excerpt); fact: title names it, text is its value. On /suggestions the role may be left out.",
        "properties": {
          "role": {"type": "string", "enum": ["ai_suggestion"]},
          "kind": {"type": ["string", "null"], "enum": ["reply", "article", "fact", null]},
          "text": {"type": ["string", "null"], "maxLength": 4096},
          "title": {"type": ["string", "null"], "maxLength": 2048},
          "url": {"type": ["string", "null"], "maxLength": 2048},
          "at": {"type": ["string", "null"], "format": "date-time"},
          "id": {"type": ["string", "null"]}
        }
      },
      "Trigger": {
        "type": "object", "required": ["kind", "reason", "rule", "message"],
        "properties": {
          "kind": {"type": "string"}, "reason": {"type": "string"}, "rule": {"type": "string"},
          "message": {"type": "integer", "description": "Index of the message that fired it"}, "topic": {"type": "string"}
        }
      },
      "Wait": {
        "type": ["object", "null"], "required": ["seconds", "text", "nobody_on_shift"],
        "properties": {"seconds": {"type": ["number", "null"]}, "text": {"type": "string"},
          "nobody_on_shift": {"type": "boolean", "description": "The queue is open but nobody who works it is on shift: no estimate; text is what the customer is told"},
          "after_hours": {"type": "string", "enum": ["callback", "queue_with_eta", "acknowledge_close"], "description": "When nobody is on shift: the queue's after-hours choice offered instead of a wait"}}
      },
      "IngestResult": {
        "type": "object", "required": ["conversation_id", "outcome", "handed_off", "holder", "owner", "trigger", "queue", "wait", "customer_message"],
        "properties": {
          "conversation_id": {"type": "string"},
          "outcome": {"type": "string", "enum": ["kept_by_ai", "handed_off", "reopened", "appended", "acknowledged_after_hours", "csat_recorded", "shadow",
            "suggestion_stored"],
            "description": "shadow: the engine runs in shadow mode; Baton would have handed off (see shadow) but nothing was queued or sent"},
          "handed_off": {"type": "boolean"},
          "holder": {"$ref": "#/components/schemas/Holder"},
          "owner": {"type": ["string", "null"]},
          "trigger": {"oneOf": [{"$ref": "#/components/schemas/Trigger"}, {"type": "null"}]},
          "queue": {"type": ["string", "null"]},
          "wait": {"$ref": "#/components/schemas/Wait"},
          "customer_message": {"type": ["string", "null"], "description": "The customer-facing text Baton delivers through the outbox"},
          "last_sequence": {"type": "integer"},
          "shadow": {"$ref": "#/components/schemas/ShadowDecision"}
        }
      },
      "ShadowDecision": {
        "type": "object", "description": "What Baton would have done live; present only when outcome is shadow",
        "required": ["would_hand_off", "trigger", "queue", "priority", "after_hours", "customer_message", "decided_at"],
        "properties": {
          "would_hand_off": {"type": "boolean"},
          "trigger": {"$ref": "#/components/schemas/Trigger"},
          "queue": {"type": "string"},
          "priority": {"type": "string", "enum": ["high", "medium", "low"]},
          "after_hours": {"type": "boolean"},
          "customer_message": {"type": "string", "description": "The text Baton would have sent; not sent"},
          "decided_at": {"type": "string", "format": "date-time"}
        }
      },
      "Event": {
        "type": "object",
        "required": ["id", "type", "conversation_id", "sequence", "holder", "customer_facing", "text", "actor", "created_at", "delivered_at"],
        "properties": {
          "id": {"type": "integer", "description": "Cursor; webhook-id is evt_<id>"},
          "type": {"type": "string", "enum": ["handoff_message", "agent_introduction", "agent_reply", "after_hours_message", "claimed",
            "released_to_ai", "resolved", "pickup_breached", "after_hours_captured", "whatsapp_window_closing", "wait_update",
            "template_required"]},
          "conversation_id": {"type": "string"},
          "sequence": {"type": "integer", "description": "1, 2, 3… per conversation"},
          "holder": {"$ref": "#/components/schemas/Holder"},
          "customer_facing": {"type": "boolean", "description": "Send text to the customer"},
          "text": {"type": ["string", "null"]},
          "actor": {"type": "string"},
          "created_at": {"type": "string", "format": "date-time"},
          "delivered_at": {"type": ["string", "null"], "format": "date-time"}
        }
      },
      "Thread": {
        "type": "object", "required": ["id", "state", "holder", "owner", "queue", "priority", "packet"],
        "properties": {
          "id": {"type": "string"},
          "state": {"type": "string", "enum": ["ai", "queued", "claimed", "after_hours", "resolved"]},
          "holder": {"$ref": "#/components/schemas/Holder"},
          "owner": {"type": ["string", "null"]},
          "queue": {"type": ["string", "null"]},
          "priority": {"type": "string"},
          "trigger": {"type": ["string", "null"]},
          "escalation_level": {"type": "integer"},
          "queued_at": {"type": ["string", "null"]},
          "pickup_deadline": {"type": ["string", "null"]},
          "pickup_remaining_s": {"type": ["number", "null"]},
          "claimed_at": {"type": ["string", "null"]},
          "last_sequence": {"type": "integer"},
          "packet": {"type": ["object", "null"], "description": "The context packet the agent sees"}
        }
      },
      "Queue": {
        "type": "object", "required": ["name", "open", "waiting", "claimed", "breached", "oldest_wait_s", "wait", "agents_available", "agents_on_shift", "free_slots"],
        "properties": {
          "name": {"type": "string"}, "open": {"type": "boolean"}, "waiting": {"type": "integer"}, "claimed": {"type": "integer"},
          "breached": {"type": "integer"}, "oldest_wait_s": {"type": ["number", "null"]}, "wait": {"$ref": "#/components/schemas/Wait"},
          "agents_available": {"type": "integer", "description": "Agents who can work the queue and are available"},
          "agents_on_shift": {"type": "integer", "description": "Agents who can work the queue and are on shift (available or away)"},
          "free_slots": {"type": "integer"}
        }
      }
    }
  }
}
"""#
}
