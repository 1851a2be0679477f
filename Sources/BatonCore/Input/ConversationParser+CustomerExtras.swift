import struct Foundation.Date

/// `customer.attributes` (a free-form map of text, numbers and flags) and `customer.pages` (pages visited
/// with their times): bounded in count and size, every refusal naming its field.
extension ConversationParser {
    static func attributes(_ reader: inout FieldReader) throws(InputError) -> [CustomerAttribute] {
        guard let map = try reader.optionalChild("attributes"), case .object(let members) = map.value else { return [] }
        guard members.count <= CustomerAttribute.maxCount else {
            throw reader.error(field: "attributes", "has \(members.count) attributes, over the limit of \(CustomerAttribute.maxCount)")
        }
        var attributes: [CustomerAttribute] = []
        attributes.reserveCapacity(members.count)
        for member in members {
            let name = member.key
            let field = FieldReader.fieldName(name)
            guard !name.isEmpty, name.utf8.count <= CustomerAttribute.maxNameBytes,
                  !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw map.error(field: name.isEmpty ? nil : field, "attribute names must be 1 to \(CustomerAttribute.maxNameBytes) bytes without control characters")
            }
            switch member.value {
            case .null:
                continue
            case .bool(let flag):
                attributes.append(CustomerAttribute(name: name, value: .bool(flag)))
            case .number(let number):
                guard number.isFinite else { throw map.error(field: field, "must be a finite number") }
                attributes.append(CustomerAttribute(name: name, value: .number(number)))
            case .string(let text):
                guard text.utf8.count <= CustomerAttribute.maxValueBytes else {
                    throw map.error(field: field, "is \(text.utf8.count) bytes, over the \(CustomerAttribute.maxValueBytes)-byte limit for a value")
                }
                guard !text.utf8.contains(0) else {
                    throw map.error(field: field, "contains a NUL character (\\u0000); remove it, Baton does not store text cut short")
                }
                attributes.append(CustomerAttribute(name: name, value: .string(text)))
            case .array, .object:
                throw map.error(field: field, "expected a string, a number or true/false, got \(member.value.typeName)")
            }
        }
        return attributes
    }

    static func pages(_ reader: inout FieldReader) throws(InputError) -> [PageVisit] {
        guard reader.has("pages") else { return [] }
        let count = try reader.arrayCount("pages")
        guard count <= PageVisit.maxCount else {
            throw reader.error(field: "pages", "has \(count) visits, over the limit of \(PageVisit.maxCount); send the most recent")
        }
        var pages: [PageVisit] = []
        pages.reserveCapacity(count)
        for index in 0..<count {
            var page = try reader.element("pages", index)
            let hasURL = page.has("url"), hasPath = page.has("path")
            guard hasURL != hasPath else {
                throw page.error(field: nil, hasURL ? "has both \"url\" and \"path\"; send one" : "needs a \"url\" or a \"path\"")
            }
            let key = hasURL ? "url" : "path"
            let url = try page.string(key)
            guard !url.isEmpty, url.utf8.count <= PageVisit.maxURLBytes else {
                throw page.error(field: key, "must be 1 to \(PageVisit.maxURLBytes) bytes, got \(url.utf8.count)")
            }
            let title = try page.optionalString("title")
            if let title, title.utf8.count > PageVisit.maxTitleBytes {
                throw page.error(field: "title", "is \(title.utf8.count) bytes, over the \(PageVisit.maxTitleBytes)-byte limit")
            }
            let stamp = try page.string("at")
            guard let at = ISO8601.parse(stamp) else {
                throw page.error(field: "at", "\(FieldReader.quoted(stamp)) is not an ISO 8601 time such as 2026-11-20T10:00:00Z")
            }
            try page.rejectUnknown()
            pages.append(PageVisit(url: url, title: title, at: at))
        }
        return pages
    }
}
