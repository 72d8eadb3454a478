<?php
/*
 * The same users as the Keycloak realm (server-config/keycloak/frontline-realm.json) and the test
 * harness (RealmUser): keep the three in step.
 */
$config = [
    'admin' => ['core:AdminPassword'],

    'frontline-users' => [
        'exampleauth:UserPass',
        'alice:alice-password' => [
            'uid' => ['alice'],
            'email' => ['alice@example.com'],
            'name' => ['Alice Archer'],
            'roles' => ['agent'],
        ],
        'bob:bob-password' => [
            'uid' => ['bob'],
            'email' => ['bob@example.com'],
            'name' => ['Bob Baker'],
            'roles' => ['supervisor'],
        ],
        'carol:carol-password' => [
            'uid' => ['carol'],
            'email' => ['carol@example.com'],
            'name' => ['Carol Chen'],
            'roles' => ['agent', 'supervisor'],
        ],
    ],
];
