package com.frontline.sso.saml.bootstrap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.xml.namespace.QName;

import org.opensaml.core.xml.XMLObjectBuilder;
import org.opensaml.core.xml.XMLObjectBuilderFactory;
import org.opensaml.core.xml.config.XMLObjectProviderRegistry;
import org.opensaml.core.xml.io.Marshaller;
import org.opensaml.core.xml.io.MarshallerFactory;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallerFactory;

/**
 * OpenSAML's registry of XML object providers (builder, marshaller and unmarshaller per element or type name), with
 * each provider created when it is first asked for instead of at startup. OpenSAML's own configurator creates all
 * ~300 providers of the modules the SP uses, about 900 classes, while the SP's start and its logins use a few dozen;
 * loading the rest cost every start CPU the deployment needed. The configuration files are read as before
 * ({@link ProviderConfigurationReader}); a provider's classes are loaded at its first lookup, once, under a lock.
 *
 * <p>A lookup behaves as OpenSAML's: a declared name is always found, an undeclared one is not. The factories'
 * {@code getBuilders()}-style maps list only the providers created so far (nothing in the WAR reads them).
 */
final class OnDemandXmlObjectProviders extends XMLObjectProviderRegistry {

    /** The classes OpenSAML's configuration names for one provider. */
    record ProviderClasses(String builder, String marshaller, String unmarshaller) {
    }

    private final Map<QName, ProviderClasses> declared = new ConcurrentHashMap<>();
    private final Builders builders = new Builders();
    private final Marshallers marshallers = new Marshallers();
    private final Unmarshallers unmarshallers = new Unmarshallers();

    /** Records a provider to be created at its first lookup (a later declaration of the same name wins, as in OpenSAML). */
    synchronized void declare(QName name, ProviderClasses classes) {
        deregisterObjectProvider(name);
        declared.put(name, classes);
    }

    @Override
    public XMLObjectBuilderFactory getBuilderFactory() {
        return builders;
    }

    @Override
    public MarshallerFactory getMarshallerFactory() {
        return marshallers;
    }

    @Override
    public UnmarshallerFactory getUnmarshallerFactory() {
        return unmarshallers;
    }

    @Override
    public synchronized void registerObjectProvider(QName name, XMLObjectBuilder<?> builder, Marshaller marshaller,
                                                    Unmarshaller unmarshaller) {
        builders.registerBuilder(name, builder);
        marshallers.registerMarshaller(name, marshaller);
        unmarshallers.registerUnmarshaller(name, unmarshaller);
        // last: a lookup that finds no provider yet and no declaration either would answer "none"
        declared.remove(name);
    }

    @Override
    public synchronized void deregisterObjectProvider(QName name) {
        declared.remove(name);
        builders.deregisterBuilder(name);
        marshallers.deregisterMarshaller(name);
        unmarshallers.deregisterUnmarshaller(name);
    }

    /** Creates the provider declared for {@code name}, if one is declared and not yet created. */
    private void createIfDeclared(QName name) {
        if (name == null || !declared.containsKey(name)) {
            return;
        }
        synchronized (this) {
            ProviderClasses classes = declared.get(name);
            if (classes != null) {
                registerObjectProvider(name, instance(classes.builder(), XMLObjectBuilder.class),
                        instance(classes.marshaller(), Marshaller.class), instance(classes.unmarshaller(), Unmarshaller.class));
            }
        }
    }

    private static <T> T instance(String className, Class<T> type) {
        try {
            return type.cast(Class.forName(className, true, OnDemandXmlObjectProviders.class.getClassLoader())
                    .getConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            // OpenSAML would have failed the same way at startup; a provider of its own modules never does
            throw new IllegalStateException("OpenSAML's XML object provider class " + className + " cannot be created: " + e, e);
        }
    }

    /**
     * A factory's lookup that found nothing registered: the declared provider, created now, else null. The factories
     * look up first and call this only on a miss: a method reference to {@code super} is a new object at every call,
     * and a login makes hundreds of lookups.
     */
    private <T> T createdOnMiss(QName name, Function<QName, T> registered) {
        createIfDeclared(name);
        return registered.apply(name);
    }

    private final class Builders extends XMLObjectBuilderFactory {
        @Override
        public XMLObjectBuilder<?> getBuilder(QName name) {
            XMLObjectBuilder<?> found = super.getBuilder(name);
            return found != null ? found : createdOnMiss(name, super::getBuilder);
        }
    }

    private final class Marshallers extends MarshallerFactory {
        @Override
        public Marshaller getMarshaller(QName name) {
            Marshaller found = super.getMarshaller(name);
            return found != null ? found : createdOnMiss(name, super::getMarshaller);
        }
    }

    private final class Unmarshallers extends UnmarshallerFactory {
        @Override
        public Unmarshaller getUnmarshaller(QName name) {
            Unmarshaller found = super.getUnmarshaller(name);
            return found != null ? found : createdOnMiss(name, super::getUnmarshaller);
        }
    }
}
