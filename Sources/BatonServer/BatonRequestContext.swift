import Hummingbird

/// The request context of every route: Hummingbird's core storage plus the integration the bearer token names.
public struct BatonRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The name of the token that authenticated the request (`baton token create NAME`); nil before authentication.
    public var integration: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
